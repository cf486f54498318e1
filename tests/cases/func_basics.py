def add(a, b=10, *args, scale=1, **kw):
    return (a + b + sum(args)) * scale, sorted(kw)
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, scale=2), add(b=1, a=2, z=3, y=4))
print(add(*[1, 2], *(3,), **{"scale": 3}))
def noret():
    pass
print(noret(), (lambda: 1)(), (lambda x, y=2: x * y)(4))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(30))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(10)])
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(5), c2())
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])
total = 0
def bump():
    global total
    total += 1
bump(); bump()
print(total)
def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"), hello.__name__)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
print(sorted([3, 1, 2], key=lambda v: -v), list(map(lambda s: s.upper(), "ab")))
def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(1, c=4, b=5))
def varkw(**kw):
    return kw
print(varkw(x=1, y=2), varkw())
print(fact.__name__, add.__defaults__, type(fact).__name__)
