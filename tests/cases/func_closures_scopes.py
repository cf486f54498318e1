x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
print(read_global(), shadow(), x)
def make_acc():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
acc = make_acc()
acc(1); print(acc(2))
def counter_factory():
    n = 0
    def get():
        return n
    def inc():
        nonlocal n
        n += 1
    return get, inc
get, inc = counter_factory()
inc(); inc(); print(get())
def closure_in_loop():
    fs = []
    for i in range(3):
        def f(j=i):
            return j * 10
        fs.append(f)
    return [f() for f in fs]
print(closure_in_loop())
def comp_scope():
    k = 5
    return [k + i for i in range(3)], {i: k for i in range(2)}
print(comp_scope())
y = 10
def uses_later():
    return y * 2
y = 20
print(uses_later())
def unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 1
unbound()
def nested_nonlocal():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
    mid()
    return a
print(nested_nonlocal())
class K:
    v = 3
    w = [v * i for i in range(2)] if False else 7
    def m(self):
        return K.v
print(K().m(), K.w)
