"""Real tools judging exported templates: cfn-lint, and moto for the resource types it can emulate."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.exporters.terraform.data import own_region_table
from tests.exporters.moto_stand_ins import (
    ARNS_FROM_REF,
    LEFT_OUT_WITH,
    REF_STAND_INS,
    STAND_INS,
    network_listeners,
    stand_in_parameter,
    with_member_versions,
)

# moto's CloudFormation emulation covers some types only; the rest, each declared with its reason in
# moto_stand_ins.STAND_INS, are left out of the moto stack, and references to them are replaced by stand-in values,
# so that everything moto *can* create is really created and described.


def deployed_in_moto(
    template: dict[str, Any], stack: str, region: str = "us-east-1"
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Deploys a template into moto (inside the caller's mock_aws), as moto_deployable makes it deployable, with
    a requested ACM certificate standing in for each it declares; the stack is created whole. Returns the template
    deployed and the stack's resources."""
    import boto3

    acm = boto3.client("acm", region_name=region)
    certificates = {
        logical: acm.request_certificate(DomainName="www.example.com")["CertificateArn"]
        for logical, body in template["Resources"].items()
        if body["Type"] == "AWS::CertificateManager::Certificate"
    }
    deployable, _dropped = moto_deployable(template, certificates)
    cloudformation = boto3.client("cloudformation", region_name=region)
    cloudformation.create_stack(
        StackName=stack, TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
    )
    status = cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
    assert status == "CREATE_COMPLETE", status
    resources: list[dict[str, Any]] = cloudformation.describe_stack_resources(StackName=stack)[
        "StackResources"
    ]
    return deployable, resources


def moto_types() -> set[str]:
    from moto.cloudformation.parsing import get_model_map

    return set(get_model_map())


def moto_deployable(
    template: dict[str, Any], refs: dict[str, str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """`refs` gives real values for dropped resources that moto checks (e.g. a certificate requested in moto's ACM)."""
    refs = refs or {}
    supported = moto_types()
    refs = {
        **{
            name: REF_STAND_INS[body["Type"]].format(name=name.lower())
            for name, body in template["Resources"].items()
            if body["Type"] in REF_STAND_INS and body["Type"] not in supported
        },
        **refs,
    }
    # moto has no global tables: the stack's own replica of one is deployed as the table it is in that region.
    resources = {
        name: _own_replica(body) if body["Type"] == "AWS::DynamoDB::GlobalTable" else _moto_tags(body)
        for name, body in template["Resources"].items()
    }
    resources = with_member_versions(resources)
    dropped = sorted(name for name, body in resources.items() if body["Type"] not in supported)
    undeclared = sorted({resources[name]["Type"] for name in dropped} - set(STAND_INS))
    dropped += network_listeners(resources)
    dropped += sorted(
        name
        for name, body in resources.items()
        if body["Type"] in LEFT_OUT_WITH
        and _names_left_out((body.get("Properties") or {}).get(LEFT_OUT_WITH[body["Type"]]), dropped)
    )
    assert not undeclared, (
        f"moto cannot create {', '.join(undeclared)}: declare a stand-in in moto_stand_ins.py"
    )
    # moto creates DB parameter groups, but a Ref to one gives its model instead of its name: users of a group
    # name the default group of its family instead, which moto makes when asked for it.
    renamed = {
        name: f"default.{body['Properties']['Family']}"
        for name, body in resources.items()
        if body["Type"] == "AWS::RDS::DBParameterGroup"
    }

    def scrub(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"Ref"} and value["Ref"] in renamed:
                return renamed[value["Ref"]]
            if set(value) == {"Ref"} and value["Ref"] in dropped:
                return refs.get(value["Ref"], f"arn:aws:s3:::{value['Ref'].lower()}")
            if (
                set(value) == {"Fn::GetAtt"}
                and value["Fn::GetAtt"]
                == [
                    value["Fn::GetAtt"][0],
                    "Arn",
                ]
                and resources.get(value["Fn::GetAtt"][0], {}).get("Type") in ARNS_FROM_REF
            ):
                name = value["Fn::GetAtt"][0]
                return {"Fn::Sub": ARNS_FROM_REF[resources[name]["Type"]].format(name=name)}
            if set(value) == {"Fn::GetAtt"} and value["Fn::GetAtt"][0] in dropped:
                name, attribute = value["Fn::GetAtt"]
                if attribute.endswith("Arn"):
                    return f"arn:aws:s3:::{name.lower()}"
                return f"{name.lower()}.placeholder.example"
            if set(value) == {"Fn::Sub"} and isinstance(value["Fn::Sub"], str):
                text = value["Fn::Sub"]
                for name in dropped:
                    text = text.replace(f"${{{name}}}", name.lower()).replace(
                        f"${{{name}.Arn}}", f"arn:aws:s3:::{name.lower()}"
                    )
                return {"Fn::Sub": text}
            return {key: scrub(item) for key, item in value.items()}
        if isinstance(value, list):
            return [scrub(item) for item in value]
        return value

    kept = {}
    for name, body in resources.items():
        if name in dropped:
            continue
        body = scrub(body)
        depends = body.get("DependsOn")
        if isinstance(depends, str) and depends in dropped:
            del body["DependsOn"]
        elif isinstance(depends, list):
            body["DependsOn"] = [d for d in depends if d not in dropped] or None
            if body["DependsOn"] is None:
                del body["DependsOn"]
        kept[name] = body
    result = {**template, "Resources": kept}
    if "Parameters" in result:
        result["Parameters"] = {
            name: spec
            if "Default" in spec or spec.get("Type") != "String"
            else {**spec, "Default": stand_in_parameter(name, spec)}
            for name, spec in result["Parameters"].items()
        }
    if "Outputs" in result:
        result["Outputs"] = {k: v for k, v in scrub(result["Outputs"]).items()}
    return result, dropped


def _names_left_out(value: Any, dropped: list[str]) -> bool:
    """Whether a value is a Ref or GetAtt of a left-out resource."""
    if isinstance(value, dict) and set(value) == {"Ref"}:
        return value["Ref"] in dropped
    if isinstance(value, dict) and set(value) == {"Fn::GetAtt"}:
        return value["Fn::GetAtt"][0] in dropped
    return False


def _moto_tags(body: dict[str, Any]) -> dict[str, Any]:
    """Tags in the form moto reads them, where it departs from CloudFormation's: a KMS key's in the KMS API's
    form (TagKey, TagValue), an SSM parameter's as a Key/Value list (the template's are a map)."""
    tags = (body.get("Properties") or {}).get("Tags")
    if not tags:
        return body
    if body["Type"] == "AWS::KMS::Key":
        renamed = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in tags]
    elif body["Type"] == "AWS::SSM::Parameter" and isinstance(tags, dict):
        renamed = [{"Key": key, "Value": value} for key, value in tags.items()]
    else:
        return body
    return {**body, "Properties": {**body["Properties"], "Tags": renamed}}


def _own_replica(body: dict[str, Any]) -> dict[str, Any]:
    """An AWS::DynamoDB::GlobalTable as the AWS::DynamoDB::Table of its replica in the stack's region."""
    return {**body, "Type": "AWS::DynamoDB::Table", "Properties": own_region_table(body["Properties"])}


def lint(text: str, filename: str, informational: bool = False) -> list[str]:
    """cfn-lint's findings as 'RULE message' strings: errors and warnings, and with `informational` the
    informational checks too (`cfn-lint -c I`)."""
    from cfnlint.api import ManualArgs
    from cfnlint.api import lint as cfn_lint

    extra = {"include_checks": ["I"]} if informational else {}
    matches = cfn_lint(text, config=ManualArgs(regions=["us-east-1"], **extra))
    return [f"{m.rule.id} {m.message}" for m in matches]


def as_json(template: dict[str, Any]) -> str:
    return json.dumps(template)
