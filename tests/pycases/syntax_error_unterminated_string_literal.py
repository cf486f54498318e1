print("bonjour)
print("suite")
