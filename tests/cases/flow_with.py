class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow

with Ctx("a") as c:
    print("body", c.name)
with Ctx("b", swallow=True):
    raise ValueError("boom")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with Ctx("d") as d, Ctx("e") as e:
    print("two", d.name, e.name)
def f():
    with Ctx("f"):
        return "returned"
print(f())
for i in range(3):
    with Ctx(str(i)):
        if i == 1:
            break
