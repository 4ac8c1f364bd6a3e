from setuptools import setup

setup(name="shout", version="0.1", packages=["shout"])
