def g():
    yield 1
    raise ValueError("in generator")
for v in g():
    print(v)
