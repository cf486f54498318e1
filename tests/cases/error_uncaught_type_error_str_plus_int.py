age = 20
print("ok jusque-là")
print("J'ai " + str(age) + " ans")
message = "J'ai " + age + " ans"
print(message)
