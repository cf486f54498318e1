import re

print(re.escape("1+1=2? (oui) a.b"), re.escape("hello_world"), re.escape("50% [x]"))
print(re.findall(re.escape("a.b"), "a.b axb a.b"))
print(re.findall(r"[^aeiou\s]+", "hello world"), re.findall(r"[\w.-]+@[\w-]+\.\w+", "a.b@c.com, x_y@z-w.fr"))
print(re.findall(r"\d", "a1²3"), re.findall(r"\s", "a b\tc\nd"), re.findall(r"\S+", " un  deux "))
print(re.findall(r"[\d,]+", "1,5 et 2,75"), re.findall(r"[-+]?\d+", "3 -4 +5"), re.findall(r"[]a]", "a]b"))
print(re.findall(r"\W", "a-b c!"), re.findall(r"\D+", "ab12cd"), re.findall(r"[A-Za-z]+", "Été Hiver"))
print(re.findall(r"\x41\u00e9\t", "Aé\t"), re.findall(r"[\x30-\x32]", "0123"), re.findall(r"\\", "a\\b"))
