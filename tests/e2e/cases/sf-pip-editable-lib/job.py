from shout import shout
print(shout("editable install works"))
