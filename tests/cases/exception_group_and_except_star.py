eg = ExceptionGroup("lot", [ValueError(1), TypeError(2), ExceptionGroup("sous-lot", [ValueError(3)])])
print(eg)
print(repr(eg))
print(eg.message, eg.exceptions)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    ExceptionGroup("vide", [])
except ValueError as e:
    print("ValueError :", e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError :", e)

try:
    raise eg
except* ValueError as e:
    print("ValueError(s) :", repr(e))
except* TypeError as e:
    print("TypeError(s) :", repr(e))

try:
    raise KeyError("seule")
except* KeyError as e:
    print("nue, enveloppée :", repr(e))

try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), OSError("o")])
    except* ValueError:
        print("ValueError traitée")
except ExceptionGroup as reste:
    print("le reste remonte :", repr(reste))

try:
    try:
        raise ValueError("nue")
    except* TypeError:
        print("jamais")
except ValueError as e:
    print("non attrapée, reste nue :", repr(e))

try:
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        raise KeyError("nouvelle")
except KeyError as e:
    print("levée dans except* :", repr(e))
