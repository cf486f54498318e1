import json

for texte in ['', '   ', '{"a" 1}', '[1, 2', '{"a": 1,}', '[1,]', '"sans fin', "{'a': 1}",
              '[1] x', 'vrai', '"\\q"', '01', '{"a": 1 "b": 2}', '\n\n  [1,\n 2,,]', '"a\tb"', '[-]']:
    try:
        json.loads(texte)
    except json.JSONDecodeError as e:
        print(f"{texte!r:20} {e.msg!r} pos={e.pos} ligne={e.lineno} col={e.colno}")
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(None)
except TypeError as e:
    print("TypeError:", e)
