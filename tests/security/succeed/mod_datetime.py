# Checks: datetime arithmetic, strftime and strptime
import datetime
d = datetime.datetime(2024, 2, 28, 12, 30)
e = d + datetime.timedelta(days=2)
assert (e.month, e.day) == (3, 1)
assert d.strftime('%Y-%m-%d %H:%M') == '2024-02-28 12:30'
p = datetime.datetime.strptime('2023-07-04 09:15', '%Y-%m-%d %H:%M')
assert p.hour == 9 and p.weekday() == 1
assert datetime.date(2024, 1, 1).isoformat() == '2024-01-01'
assert datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc).utcoffset() == datetime.timedelta(0)
print('datetime ok')
