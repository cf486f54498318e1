import string

print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable))
print(string.capwords("  bonjour   le monde  "), string.capwords("a-b-c", "-"))
mdp = "Abc123!"
print(any(c in string.punctuation for c in mdp), all(c in string.ascii_letters + string.digits for c in mdp))
