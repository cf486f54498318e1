s = "asyncio.sleep"
print(s.startswith("sleep", 8), s.startswith("sleep", 7), s.startswith("io", 5, 7), s.startswith("io", 5, 6))
print(s.endswith("io", 0, 7), s.endswith("io", 0, 6), s.startswith(("x", "sl"), 8), s.startswith("", 13), s.startswith("", 14))
print(s.startswith("a", -13), s.endswith("sleep", -5), s.startswith("sleep", -5), "abc".endswith("", 5))
