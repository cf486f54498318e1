from datetime import date, datetime, time

d = datetime(2024, 3, 5, 14, 7, 9, 120)
print(d.strftime("%d/%m/%Y %H:%M:%S"))
print(d.strftime("%A %d %B %Y, %I:%M %p"))
print(d.strftime("%a %b %y | %j | %U %W %w %u | %f | %%"))
print(d.strftime("%c | %x | %X"))
print(d.strftime("%G-W%V-%u"), d.strftime("%D %T %R %F %e"))
print(date(2024, 1, 1).strftime("%Y-%m-%d %H:%M"), time(9, 5).strftime("%Hh%M"))
print(f"{d:%d.%m.%Y}", "{:%H:%M}".format(d), format(d.date(), "%B"))
print(datetime(2024, 12, 30).strftime("%G %V %Y %U"), datetime(2021, 1, 3).strftime("%G %V %j"))
