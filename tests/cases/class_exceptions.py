class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
try:
    raise ValidationError("age", "must be positive")
except AppError as e:
    print(type(e).__name__, e, e.field, e.args, repr(e))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr()
except Exception as e:
    print(e, repr(e))
def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
for v in [1, -1]:
    try:
        print(check(v))
    except ValueError as err:
        print("error:", err)
try:
    raise AppError
except AppError as e:
    print("class raised", repr(e), str(e) == "")
print(issubclass(ValidationError, Exception), isinstance(ValidationError("a", "b"), AppError), AppError.__mro__)
errors = []
for f in [lambda: 1 / 0, lambda: [][1], lambda: {}["k"], lambda: int("x"), lambda: None.foo, lambda: undefined]:
    try:
        f()
    except Exception as e:
        errors.append(type(e).__name__)
print(errors)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", repr(e))
