from collections import OrderedDict

od = OrderedDict()
od["un"] = 1
od["deux"] = 2
od["trois"] = 3
print(od)
od.move_to_end("un")
print(list(od))
od.move_to_end("trois", last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1) == {"a": 1})
print(OrderedDict())
