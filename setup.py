"""Maps the top-level resources/ folder into the wheel as the package archbuilder.resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["archbuilder", "archbuilder.*"]), "archbuilder.resources"],
    package_dir={"archbuilder.resources": "resources"},
)
