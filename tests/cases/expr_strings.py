s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.split(", "), "a b  c".split(), "a,b,,c".split(","), "a b c".split(None, 1), "a-b-c".rsplit("-", 1))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), s.replace("l", "L"), s.replace("l", "L", 2))
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"), "World" in s, "x" not in s)
print(s.startswith("Hell"), s.endswith(("x", "ld")), "  pad  ".strip(), "xxhixx".strip("x"), "  a".lstrip(), "a  ".rstrip() + "|")
print("42".isdigit(), "abc".isalpha(), "a1".isalnum(), " \t".isspace(), "ABC".isupper(), "abc".islower())
print("abc".center(9, "*"), "abc".ljust(5) + "|", "abc".rjust(5), "42".zfill(5), "-42".zfill(5))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "line1\nline2".splitlines())
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-5:-1], s[100:])
print(len(s), s * 2, "ab" + "cd", ord("A"), chr(97), str(12), repr("it's"), repr('say "hi"'), repr("a\nb\t\\"))
print("é".upper(), len("héllo"), "héllo"[1], "日本語"[::-1], "ß".upper())
print("tab\there", r"raw\n", "uni\u00e9", "\x41\101", b"bytes", "%s" % "x")
t = """multi
line"""
print(t, 'single' "adjacent" 'concat')
print(str(None), str(True), str(3.0), str([1, "a"]), str((1,)), str({"k": "v"}))
for ch in "ab":
    print(ch, end=".")
print()
print(sorted("hello"), list("abc"), "a" < "b", "abc" < "abd", "Z" < "a", "abc".removeprefix("a"))
