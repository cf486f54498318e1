from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@lru_cache(maxsize=2)
def carre(x):
    print("calcul", x)
    return x * x

for x in [1, 2, 1, 3, 1, 2]:
    carre(x)
print(carre.cache_info())

@cache
def lent(n):
    print("lent", n)
    return n

lent(1); lent(1); lent(2)
print(lent.cache_info())

@lru_cache
def f(x):
    return x
f(1); f(1)
print(f.cache_info())
