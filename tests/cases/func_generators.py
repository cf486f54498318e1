def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")
    return "result"
for v in countdown(3):
    print(v)
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value if hasattr(e, "value") else e.args)
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("x"))
def delegate():
    r = yield from countdown(2)
    print("delegated result", r)
    yield from [10, 20]
print(list(delegate()))
gen = (x * x for x in range(4))
print(sum(gen), sum(x for x in range(4)), list(gen))
def evens(limit):
    for i in range(limit):
        if i % 2:
            continue
        yield i
print(list(evens(9)), max(evens(9)), sorted(evens(5), reverse=True))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in with_finally():
    print(v)
g = with_finally()
print(next(g))
g.close()
print("closed")
def inner_gen():
    x = yield 1
    print("inner got", x)
    return "inner done"
def outer_gen():
    r = yield from inner_gen()
    print("outer got", r)
    yield 2
o = outer_gen()
print(next(o), o.send("hello"))
print(type(countdown(1)).__name__, list(zip(countdown(2), "ab")))
def gen_raises():
    yield 1
    raise ValueError("inside gen")
try:
    for v in gen_raises():
        print(v)
except ValueError as err:
    print("caught", err)
