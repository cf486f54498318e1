def g():
    try:
        yield 1
        yield 2
    finally:
        print("fin g")

def h():
    try:
        yield 1
    finally:
        yield 2

x = g()
next(x)
x = None
print("après x=None")
for v in g():
    break
print("après break")
y = h()
next(y)
try:
    y.close()
except RuntimeError as e:
    print(e)
def f():
    z = g()
    next(z)
    return 5
print(f())
print("fin")
