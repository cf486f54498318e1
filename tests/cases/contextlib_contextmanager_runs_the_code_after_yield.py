from contextlib import contextmanager

@contextmanager
def balise(nom):
    print(f"<{nom}>")
    try:
        yield nom.upper()
    finally:
        print(f"</{nom}>")

with balise("p") as b:
    print("dans", b)

try:
    with balise("div"):
        raise ValueError("oups")
except ValueError as e:
    print("ValueError:", e)

@contextmanager
def ignore_zero():
    try:
        yield
    except ZeroDivisionError:
        print("division par zero ignoree")

with ignore_zero():
    1 / 0
print("suite")
