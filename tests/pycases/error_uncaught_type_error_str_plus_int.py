age = 20
print("ok jusque-là")
message = "J'ai " + age + " ans"
print(message)
