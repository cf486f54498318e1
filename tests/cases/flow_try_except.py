def risky(k):
    if k == 0:
        raise ValueError("bad value")
    if k == 1:
        return {}["missing"]
    if k == 2:
        return [][3]
    if k == 3:
        return 1 / 0
    if k == 4:
        return int("abc")
    if k == 5:
        return undefined_name
    if k == 6:
        return "a" + 1
    if k == 7:
        return None.attr
    return "ok"

for k in range(9):
    try:
        print(risky(k))
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__, e, repr(e))
    except ZeroDivisionError:
        print("zero")
    except Exception as e:
        print("other", type(e).__name__, e)
    else:
        print("else ran")
    finally:
        print("finally", k)

try:
    try:
        raise RuntimeError("inner")
    except RuntimeError:
        raise
except RuntimeError as e:
    print("reraised", e, e.args)

try:
    raise KeyError("k")
except LookupError as e:
    print("base class catches", repr(e), str(e))

def f():
    try:
        return "from try"
    finally:
        print("finally before return")
print(f())

def g():
    try:
        raise ValueError
    except ValueError:
        return "handled"
    finally:
        print("g finally")
print(g())

try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise TypeError("during") 
except TypeError as e:
    print(repr(e.__context__))
e = Exception("a", 2)
print(e, repr(e), e.args, str(Exception()), repr(ValueError()))
