from functools import wraps

def trace(f):
    @wraps(f)
    def enveloppe(*args, **kwargs):
        print("appel de", f.__name__, args)
        return f(*args, **kwargs)
    return enveloppe

@trace
def additionne(a, b):
    """Additionne deux nombres."""
    return a + b

print(additionne(2, 3))
print(additionne.__name__, additionne.__wrapped__.__name__)

def sans_wraps(f):
    def enveloppe(*args):
        return f(*args)
    return enveloppe

@sans_wraps
def g():
    pass

print(g.__name__)
