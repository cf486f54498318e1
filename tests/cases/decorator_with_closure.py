def trace(f):
    def enveloppe(*args, **kwargs):
        print(f"appel {f.__name__}{args}")
        r = f(*args, **kwargs)
        print(f"{f.__name__} -> {r}")
        return r
    return enveloppe

@trace
def addition(a, b):
    return a + b

addition(2, 3)

def repeter(n):
    def deco(f):
        def env(*a):
            return [f(*a) for _ in range(n)]
        return env
    return deco

@repeter(3)
def bonjour(nom):
    return "bonjour " + nom

print(bonjour("Léa"))
