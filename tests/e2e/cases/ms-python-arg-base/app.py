import sys

import greeter

print(greeter.greet("build argument"), "on python", f"{sys.version_info.major}.{sys.version_info.minor}")
