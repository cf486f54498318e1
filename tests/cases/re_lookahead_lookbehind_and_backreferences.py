import re

print(re.search(r"(?<=-)\w+", "spam-egg"), re.search(r"(?<!a)b", "abcb").start())
print(re.search(r"foo(?=bar)", "foobaz foobar").start(), re.search(r"foo(?!bar)", "foobar foobaz").start())
print(re.findall(r"\d+(?= ?€)", "3 € et 12€ mais 7 $"), re.findall(r"(?<=\$)\d+", "$5 $15 6"))
print(re.match(r"(\w+) \1", "hey hey you").group(), re.search(r"(?P<c>\w)(?P=c)", "abccd").group())
print(re.findall(r"\b(\w+) \1\b", "le le chat chat noir"), re.sub(r"(\w)\1", r"\1", "aabbcd"))
print(re.fullmatch(r"(?=.*\d)(?=.*[A-Z]).{8,}", "motDePasse1") is not None, re.fullmatch(r"(?=.*\d).{8,}", "motdepasse") is None)
