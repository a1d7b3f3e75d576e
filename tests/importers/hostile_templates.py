"""Hostile CloudFormation inputs and the refusal each must get (shared by the tests and bench/bench_import.py)."""

from __future__ import annotations

HOSTILE = {
    "bomb.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(20)
        )
        + "Resources: {}\n",
        "line 7: YAML aliases expand the template past the 5 MB limit",
    ),
    "aliases.yaml": (
        "a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\nResources: {}\n",
        "line 2: more than 100 YAML aliases",
    ),
    # Billion laughs under the alias limit: 82 aliases, nine levels of nine, 387 million values written out.
    "laughs.yaml": (
        "Metadata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
        + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {Tags: [{Key: x, Value: *a9}]}\n",
        "line 8: YAML aliases expand the template past the 5 MB limit (refused as a possible YAML bomb)",
    ),
    "recursive.yaml": (
        "Resources:\n  A: &a\n    Type: AWS::S3::Bucket\n    Properties: {Tags: [*a]}\n",
        "line 4: alias 'a' names no complete value before it",
    ),
    "deep.yaml": ("Resources: " + "[" * 200 + "]" * 200 + "\n", "nested too deeply"),
    "tag.yaml": ("Resources:\n  X:\n    Type: !Evil boom\n", "line 3: unknown tag !Evil"),
    "junk.yaml": ("\x00\x01\x02binary", "not a text template (binary data)"),
    "dup.yaml": (
        "Resources:\n  A: {Type: AWS::SQS::Queue}\n  A: {Type: AWS::SNS::Topic}\n",
        "line 3: duplicate key 'A' (first on line 2)",
    ),
    "empty.yaml": ("just: text\n", "not a CloudFormation template (no Resources section)"),
}


def big_template_with_unknown_tag_at_the_end() -> str:
    """Just under the 5 MB limit: 48,000 queues, then a tag the loader must refuse (on line 192002)."""
    queue = "  Queue{0}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub 'q-${{AWS::Region}}-{0}'\n"
    return "Resources:\n" + "".join(queue.format(i) for i in range(48_000)) + "  Last: !Evil x\n"
