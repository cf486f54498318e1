import json

config = json.loads('{"port": 8080}')
print(config["port"])
json.loads('{"port": 8080,}')
