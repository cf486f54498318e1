for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("corps", i)
    finally:
        print("finally", i)

def f():
    for i in range(5):
        try:
            return i
        finally:
            print("finally avant return", i)

print(f())

def g():
    try:
        raise ValueError("perdue")
    finally:
        return "le return du finally avale l'exception"

print(g())

try:
    try:
        raise KeyError("a")
    finally:
        print("finally pendant la propagation")
except KeyError as e:
    print("attrapée", e)
