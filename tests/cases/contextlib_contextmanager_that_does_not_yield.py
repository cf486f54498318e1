from contextlib import contextmanager

@contextmanager
def jamais():
    if False:
        yield

@contextmanager
def deux_fois():
    yield 1
    yield 2

try:
    with jamais():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with deux_fois():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def chrono():
    print("debut")
    yield
    print("fin")

@chrono()
def travail():
    print("travail")

travail()
