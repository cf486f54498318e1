import re

html = "<b>gras</b> et <i>italique</i>"
print(re.findall(r"<.*>", html), re.findall(r"<.*?>", html))
print(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2,3}?", "aaaaaaa"), re.findall(r"a{2}", "aaaaa"))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"(a*)*b", "aaab").groups())
print(re.match(r"(a+?)(a*)", "aaa").groups(), re.match(r"(\d+?)(\d{2})", "12345").groups())
print(re.findall(r"x?", "axx"), re.match(r"a{,2}", "aaa").group(), re.match(r"a{2,}", "aaaa").group())
print(re.findall(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}", "ip 192.168.1.10 et 10.0.0.1"))
