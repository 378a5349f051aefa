"""The Polder ontology, SHACL shapes and reference data, as Turtle files."""
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "polder.ttl"
SHAPES = HERE / "shapes.ttl"
REFERENCE = HERE / "reference.ttl"
TOPICS = HERE / "topics.ttl"
# graph name (under the instance base, graph/<name>) → file
SYSTEM_FILES = {"ontology": ONTOLOGY, "reference": REFERENCE, "topics": TOPICS}
