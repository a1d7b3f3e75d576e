"""CloudFormation for platform services: EKS, MSK, DAX, Glue jobs, CodeBuild, Route 53 health checks and SES
identities."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, prop, service_role, written_instead
from archbuilder.exporters.cloudformation.management import logs_key
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake

BUILDSPEC = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo replace this buildspec\n"


def _managed(name: str) -> dict[str, str]:
    return sub(f"arn:${{AWS::Partition}}:iam::aws:policy/{name}")


# The last group of the stack's id: twelve hex digits that keep names unique per stack and short.
STACK_SUFFIX = {
    "Fn::Select": [
        4,
        {"Fn::Split": ["-", {"Fn::Select": [2, {"Fn::Split": ["/", {"Ref": "AWS::StackId"}]}]}]},
    ]
}


def _short_name(node: ServiceNode, limit: int) -> dict[str, Any]:
    label = snake(node.label).replace("_", "-")[: limit - 13].strip("-") or "cluster"
    return {"Fn::Sub": [f"{label}-${{Suffix}}", {"Suffix": STACK_SUFFIX}]}


def _eks(ctx: CfnContext, node: ServiceNode) -> None:
    role = service_role(ctx, node, "eks.amazonaws.com", [_managed("AmazonEKSClusterPolicy")])
    cluster = ctx.add(
        ctx.lid(node),
        "AWS::EKS::Cluster",
        {
            "Version": str(prop(node, "kubernetes_version", "1.33")),
            "RoleArn": get_att(role, "Arn"),
            "ResourcesVpcConfig": {
                "SubnetIds": ctx.subnet_refs(node),
                "SecurityGroupIds": ctx.sg_refs(node),
                "EndpointPublicAccess": bool(prop(node, "endpoint_public_access", False)),
                "EndpointPrivateAccess": bool(prop(node, "endpoint_private_access", True)),
            },
        },
    )
    ctx.output(f"{cluster}Endpoint", get_att(cluster, "Endpoint"), f"API endpoint of {node.label}")


def _msk(ctx: CfnContext, node: ServiceNode) -> None:
    subnets = ctx.subnet_refs(node)
    # MSK spreads brokers evenly over the client subnets: round up to a multiple of their number.
    per = max(1, len(subnets))
    drawn = int(prop(node, "num_nodes", 3))
    brokers = -(-drawn // per) * per
    if brokers != drawn:
        why = (
            f"MSK creates the same number of brokers in each of the cluster's {per} AZs (LIM-036): rounded up"
        )
        written_instead(ctx, node, "num_nodes", brokers, why)
    props: dict[str, Any] = {
        "ClusterName": _short_name(node, 40),
        "KafkaVersion": str(prop(node, "kafka_version", "3.6.0")),
        "NumberOfBrokerNodes": brokers,
        "BrokerNodeGroupInfo": {
            "InstanceType": ctx.parameter(
                f"{ctx.lid(node)}InstanceType",
                "String",
                str(prop(node, "instance_type", "kafka.m5.large")),
                f"Broker instance type of {node.label}",
            ),
            "ClientSubnets": subnets,
            "SecurityGroups": ctx.sg_refs(node),
            "StorageInfo": {"EBSStorageInfo": {"VolumeSize": int(prop(node, "volume_size_gb", 100))}},
        },
        "EncryptionInfo": {
            "EncryptionInTransit": {
                "ClientBroker": "TLS" if prop(node, "transit_encryption", True) else "TLS_PLAINTEXT",
                "InCluster": True,
            }
        },
    }
    authentication = _msk_authentication(ctx, node)
    if authentication:
        props["ClientAuthentication"] = authentication
    ctx.add(ctx.lid(node), "AWS::MSK::Cluster", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")


def _msk_authentication(ctx: CfnContext, node: ServiceNode) -> dict[str, Any]:
    """How clients prove who they are. Without ClientAuthentication MSK lets them in unauthenticated, so TLS and
    SCRAM are written too: mutual TLS trusts the private certificate authorities the deploy names. (AWS::MSK::Cluster
    ClientAuthentication in the CloudFormation template reference and cfn-lint's resource schema, checked
    2026-12-06: TLS access control also needs TLS between clients and brokers, the transit_encryption default.)"""
    kind = str(prop(node, "client_authentication", "iam"))
    if kind == "iam":
        return {"Sasl": {"Iam": {"Enabled": True}}}
    if kind == "sasl_scram":
        return {"Sasl": {"Scram": {"Enabled": True}}}
    if kind == "tls":
        authorities = ctx.parameter(
            f"{ctx.lid(node)}CertificateAuthorityArns",
            "CommaDelimitedList",
            None,
            f"ARNs of the private certificate authorities that sign the client certificates of {node.label}",
        )
        return {"Tls": {"CertificateAuthorityArnList": authorities, "Enabled": True}}
    return {}


def _dax(ctx: CfnContext, node: ServiceNode) -> None:
    # The role's DynamoDB permissions come from the cluster's connections to tables (cloudformation.py).
    role = service_role(ctx, node, "dax.amazonaws.com")
    group = ctx.add(
        ctx.lid(node, "SubnetGroup"),
        "AWS::DAX::SubnetGroup",
        {"Description": f"Subnets of {node.label}", "SubnetIds": ctx.subnet_refs(node)},
    )
    cluster = ctx.add(
        ctx.lid(node),
        "AWS::DAX::Cluster",
        {
            "NodeType": str(prop(node, "node_type", "dax.t3.small")),
            "ReplicationFactor": int(prop(node, "num_nodes", 3)),
            "IAMRoleARN": get_att(role, "Arn"),
            "SubnetGroupName": ref(group),
            "SecurityGroupIds": ctx.sg_refs(node),
            "SSESpecification": {"SSEEnabled": bool(prop(node, "encrypted", True))},
            "ClusterEndpointEncryptionType": "TLS" if prop(node, "transit_encryption", True) else "NONE",
        },
    )
    ctx.output(
        f"{cluster}Endpoint", get_att(cluster, "ClusterDiscoveryEndpoint"), f"Endpoint of {node.label}"
    )


def _placeholder_script(ctx: CfnContext, node: ServiceNode) -> str:
    why = "the design names no script; upload the job's script and give its S3 location when deploying"
    return str(written_instead(ctx, node, "script_location", "s3://replace-me/scripts/job.py", why))


def _glue_job(ctx: CfnContext, node: ServiceNode) -> None:
    role = service_role(ctx, node, "glue.amazonaws.com", [_managed("service-role/AWSGlueServiceRole")])
    script = ctx.parameter(
        f"{ctx.lid(node)}ScriptLocation",
        "String",
        str(prop(node, "script_location", "") or _placeholder_script(ctx, node)),
        f"S3 location of the script of {node.label}",
    )
    job_type = str(prop(node, "job_type", "glueetl"))
    props: dict[str, Any] = {
        "Role": get_att(role, "Arn"),
        "Command": {"Name": job_type, "ScriptLocation": script, "PythonVersion": "3"},
        "GlueVersion": str(prop(node, "glue_version", "4.0")),
        "Timeout": int(prop(node, "timeout_minutes", 2880)),
        "MaxRetries": int(prop(node, "max_retries", 0)),
    }
    if job_type != "pythonshell":
        props["WorkerType"] = str(prop(node, "worker_type", "G.1X"))
        props["NumberOfWorkers"] = int(prop(node, "number_of_workers", 10))
    if prop(node, "encrypted", True):
        props["SecurityConfiguration"] = ref(_glue_security_configuration(ctx, node))
    ctx.add(ctx.lid(node), "AWS::Glue::Job", props)


GLUE_LOG_GROUPS = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws-glue/*"


def _glue_security_configuration(ctx: CfnContext, node: ServiceNode) -> str:
    """What the job writes to S3, its logs and its bookmarks, encrypted with a key of its own that the job's role
    uses and CloudWatch Logs may use for Glue's log groups only. The key is kept with the data it encrypts."""
    key = logs_key(ctx, node, GLUE_LOG_GROUPS)
    key_arn = get_att(key, "Arn")
    ctx.allow(node, ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], key_arn)
    # Glue associates the key with the job's log groups when it creates them.
    ctx.allow(node, ["logs:AssociateKmsKey"], sub(GLUE_LOG_GROUPS))
    return ctx.add(
        ctx.lid(node, "SecurityConfiguration"),
        "AWS::Glue::SecurityConfiguration",
        {
            "Name": sub(f"${{AWS::StackName}}-{ctx.lid(node)}"),
            "EncryptionConfiguration": {
                "S3Encryptions": [{"S3EncryptionMode": "SSE-KMS", "KmsKeyArn": key_arn}],
                "CloudWatchEncryption": {"CloudWatchEncryptionMode": "SSE-KMS", "KmsKeyArn": key_arn},
                "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS", "KmsKeyArn": key_arn},
            },
        },
    )


def _codebuild(ctx: CfnContext, node: ServiceNode) -> None:
    role = service_role(ctx, node, "codebuild.amazonaws.com")
    ctx.allow(
        node,
        ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/codebuild/*"),
    )
    props: dict[str, Any] = {
        "ServiceRole": get_att(role, "Arn"),
        "Source": {"Type": "NO_SOURCE", "BuildSpec": BUILDSPEC},
        "Artifacts": {"Type": "NO_ARTIFACTS"},
        "Environment": {
            "Type": "LINUX_CONTAINER",
            "ComputeType": str(prop(node, "compute_type", "BUILD_GENERAL1_SMALL")),
            "Image": str(prop(node, "image", "aws/codebuild/standard:7.0")),
        },
    }
    if ctx.graph.placements[node.id].vpc_id:
        props["VpcConfig"] = {
            "VpcId": ctx.vpc_ref(node),
            "Subnets": ctx.subnet_refs(node),
            "SecurityGroupIds": ctx.sg_refs(node),
        }
        ctx.allow(
            node,
            [
                "ec2:CreateNetworkInterface",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeDhcpOptions",
                "ec2:DescribeVpcs",
                "ec2:CreateNetworkInterfacePermission",
            ],
            "*",
        )
    ctx.add(ctx.lid(node), "AWS::CodeBuild::Project", props)


def _placeholder_domain(ctx: CfnContext, node: ServiceNode) -> str:
    why = "the design names no domain to check; give it when deploying"
    return str(written_instead(ctx, node, "fqdn", "www.example.com", why))


def _health_check(ctx: CfnContext, node: ServiceNode) -> None:
    fqdn = ctx.parameter(
        f"{ctx.lid(node)}Domain",
        "String",
        str(prop(node, "fqdn", "") or _placeholder_domain(ctx, node)),
        f"Domain checked by {node.label}",
    )
    check_type = str(prop(node, "check_type", "HTTPS"))
    config: dict[str, Any] = {
        "Type": check_type,
        "FullyQualifiedDomainName": fqdn,
        "Port": int(prop(node, "port", 443)),
        "RequestInterval": int(prop(node, "request_interval_seconds", 30)),
        "FailureThreshold": int(prop(node, "failure_threshold", 3)),
    }
    if check_type != "TCP":
        config["ResourcePath"] = str(prop(node, "resource_path", "/health"))
    ctx.add(
        ctx.lid(node),
        "AWS::Route53::HealthCheck",
        {"HealthCheckConfig": config, "HealthCheckTags": ctx.tags(node)},
    )


def _ses(ctx: CfnContext, node: ServiceNode) -> None:
    identity = ctx.parameter(
        f"{ctx.lid(node)}Identity",
        "String",
        str(prop(node, "identity", "example.com")),
        f"Domain or address of {node.label}",
    )
    ctx.add(ctx.lid(node), "AWS::SES::EmailIdentity", {"EmailIdentity": identity})


def ses_identity_arn(ctx: CfnContext, node: ServiceNode) -> dict[str, str]:
    return sub(
        f"arn:${{AWS::Partition}}:ses:${{AWS::Region}}:${{AWS::AccountId}}:identity/${{{ctx.lid(node)}}}"
    )


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "eks_cluster": _eks,
    "msk_cluster": _msk,
    "dax_cluster": _dax,
    "glue_job": _glue_job,
    "codebuild_project": _codebuild,
    "route53_health_check": _health_check,
    "ses_identity": _ses,
}
