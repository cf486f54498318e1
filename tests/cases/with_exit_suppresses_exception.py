class Ignorer:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return "valeur de __enter__"

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("ignorée :", repr(exc))
            return True
        return False

with Ignorer(KeyError) as v:
    print(v)
    {}["x"]
    print("jamais affiché")
print("on continue")

try:
    with Ignorer(KeyError):
        [][0]
except IndexError as e:
    print("non ignorée :", e)
