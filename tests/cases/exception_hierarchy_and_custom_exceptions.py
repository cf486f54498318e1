class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

class NotFound(AppError):
    pass

try:
    raise NotFound(404, "page introuvable")
except AppError as e:
    print(type(e).__name__, e.code, e)

for exc in [KeyError("k"), IndexError("i"), ZeroDivisionError("z")]:
    try:
        raise exc
    except LookupError as e:
        print("LookupError attrape", type(e).__name__, repr(e))
    except ArithmeticError as e:
        print("ArithmeticError attrape", type(e).__name__)

print(issubclass(KeyError, Exception), issubclass(Exception, BaseException))
print(str(KeyError("k")), str(ValueError("v")))
