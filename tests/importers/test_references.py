"""Finding and renaming references in CloudFormation values."""

from __future__ import annotations

from archbuilder.importers.references import refs, rename_refs

RENAMES = {"myTable": "MyTable", "myQueue": "MyQueue"}


def test_refs_finds_ref_getatt_and_sub_names_in_order() -> None:
    value = {
        "A": {"Ref": "myTable"},
        "B": [{"Fn::GetAtt": ["myQueue", "Arn"]}, {"Fn::GetAtt": "Other.Endpoint.Address"}],
        "C": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/${Table.Arn}/${!Literal}"},
    }
    assert refs(value) == ["myTable", "myQueue", "Other", "AWS::Partition", "Bucket", "Table"]


def test_rename_refs_rewrites_every_reference_form() -> None:
    value = {
        "Ref": [{"Ref": "myTable"}, {"Ref": "AWS::Region"}],
        "GetAtt": [{"Fn::GetAtt": ["myQueue", "Arn"]}, {"Fn::GetAtt": "myTable.StreamArn"}],
        "Sub": {"Fn::Sub": "${myTable}-${myQueue.QueueName}-${!myTable}"},
    }
    assert rename_refs(value, RENAMES) == {
        "Ref": [{"Ref": "MyTable"}, {"Ref": "AWS::Region"}],
        "GetAtt": [{"Fn::GetAtt": ["MyQueue", "Arn"]}, {"Fn::GetAtt": "MyTable.StreamArn"}],
        "Sub": {"Fn::Sub": "${MyTable}-${MyQueue.QueueName}-${!myTable}"},
    }


def test_sub_variables_shadow_resource_names() -> None:
    value = {"Fn::Sub": ["${myTable}/${myQueue}", {"myTable": {"Ref": "myQueue"}}]}
    assert rename_refs(value, RENAMES) == {
        "Fn::Sub": ["${myTable}/${MyQueue}", {"myTable": {"Ref": "MyQueue"}}]
    }


def test_rename_refs_leaves_the_input_unchanged() -> None:
    value = {"Value": {"Ref": "myTable"}}
    rename_refs(value, RENAMES)
    assert value == {"Value": {"Ref": "myTable"}}
