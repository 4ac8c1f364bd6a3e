from setuptools import find_packages, setup

setup(
    name="greeter",
    version="1.0.0",
    description="The app's own library, installed with pip",
    packages=find_packages("src"),
    package_dir={"": "src"},
)
