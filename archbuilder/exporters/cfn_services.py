"""One CloudFormation renderer per catalog service: properties from the model, companions from connections."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cfn_context import CfnContext, get_att, ref, sub
from archbuilder.exporters.naming import snake
from archbuilder.model import ServiceNode

Renderer = Callable[[CfnContext, ServiceNode], None]
RENDERERS: dict[str, Renderer] = {}
AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
STUB_HANDLER = "def handler(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n"


def renders(*types: str) -> Callable[[Renderer], Renderer]:
    def register(function: Renderer) -> Renderer:
        for type_id in types:
            RENDERERS[type_id] = function
        return function

    return register


def _p(node: ServiceNode, name: str, default: Any = None) -> Any:
    value = node.properties.get(name)
    return default if value is None else value


def _ami(ctx: CfnContext) -> dict[str, str]:
    return ctx.parameter(
        "LatestAmiId",
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        AMI_PARAMETER,
        "AMI for instances (defaults to the latest Amazon Linux 2023)",
    )


def _instance_type(ctx: CfnContext, node: ServiceNode, default: str) -> dict[str, str]:
    name = f"{ctx.lid(node)}InstanceType"
    return ctx.parameter(
        name, "String", str(_p(node, "instance_type", default)), f"Instance type of {node.label}"
    )


def _role(ctx: CfnContext, node: ServiceNode, principal: str, managed: list[Any] | None = None) -> str:
    role = ctx.add(
        ctx.lid(node, "Role"),
        "AWS::IAM::Role",
        {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}
                ],
            },
            **({"ManagedPolicyArns": managed} if managed else {}),
        },
    )
    ctx.roles[node.id] = role
    return role


@renders("ec2_instance")
def _ec2(ctx: CfnContext, node: ServiceNode) -> None:
    role = _role(
        ctx,
        node,
        "ec2.amazonaws.com",
        [sub("arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore")],
    )
    profile = ctx.add(ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]})
    props: dict[str, Any] = {
        "ImageId": _ami(ctx),
        "InstanceType": _instance_type(ctx, node, "t3.micro"),
        "IamInstanceProfile": ref(profile),
        "BlockDeviceMappings": [
            {
                "DeviceName": "/dev/xvda",
                "Ebs": {
                    "VolumeSize": int(_p(node, "volume_size_gb", 20)),
                    "VolumeType": str(_p(node, "volume_type", "gp3")),
                    "Encrypted": bool(_p(node, "encrypted", True)),
                },
            }
        ],
        "Tags": ctx.tags(node),
    }
    subnets = ctx.subnet_refs(node)
    if _p(node, "associate_public_ip"):
        props["NetworkInterfaces"] = [
            {
                "DeviceIndex": "0",
                "AssociatePublicIpAddress": True,
                "SubnetId": subnets[0],
                "GroupSet": ctx.sg_refs(node),
            }
        ]
    else:
        props["SubnetId"] = subnets[0]
        props["SecurityGroupIds"] = ctx.sg_refs(node)
    if _p(node, "key_name"):
        props["KeyName"] = _p(node, "key_name")
    ctx.add(ctx.lid(node), "AWS::EC2::Instance", props)


@renders("autoscaling_group")
def _asg(ctx: CfnContext, node: ServiceNode) -> None:
    role = _role(
        ctx,
        node,
        "ec2.amazonaws.com",
        [sub("arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore")],
    )
    profile = ctx.add(ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]})
    template = ctx.add(
        ctx.lid(node, "LaunchTemplate"),
        "AWS::EC2::LaunchTemplate",
        {
            "LaunchTemplateData": {
                "ImageId": _ami(ctx),
                "InstanceType": _instance_type(ctx, node, "t3.micro"),
                "IamInstanceProfile": {"Arn": get_att(profile, "Arn")},
                "SecurityGroupIds": ctx.sg_refs(node),
                "MetadataOptions": {"HttpTokens": "required"},
                "BlockDeviceMappings": [
                    {
                        "DeviceName": "/dev/xvda",
                        "Ebs": {
                            "VolumeSize": int(_p(node, "volume_size_gb", 20)),
                            "VolumeType": "gp3",
                            "Encrypted": bool(_p(node, "encrypted", True)),
                        },
                    }
                ],
            }
        },
    )
    groups = [
        ref(ctx.target_groups[s])
        for s in _sources(ctx, node, ConnectionKind.TRAFFIC)
        if s in ctx.target_groups
    ]
    ctx.add(
        ctx.lid(node),
        "AWS::AutoScaling::AutoScalingGroup",
        {
            "MinSize": str(_p(node, "min_size", 1)),
            "MaxSize": str(_p(node, "max_size", 2)),
            "DesiredCapacity": str(_p(node, "desired_capacity", _p(node, "min_size", 1))),
            "VPCZoneIdentifier": ctx.subnet_refs(node),
            "LaunchTemplate": {
                "LaunchTemplateId": ref(template),
                "Version": get_att(template, "LatestVersionNumber"),
            },
            **(
                {"TargetGroupARNs": groups, "HealthCheckType": "ELB", "HealthCheckGracePeriod": 300}
                if groups
                else {}
            ),
        },
    )


def _sources(ctx: CfnContext, node: ServiceNode, kind: ConnectionKind) -> list[str]:
    return [
        c.source_id for c in ctx.graph.connections_of(node.id) if c.target_id == node.id and c.kind is kind
    ]


def _targets(
    ctx: CfnContext, node: ServiceNode, *kinds: ConnectionKind
) -> list[tuple[ServiceNode, ConnectionKind]]:
    arch = ctx.architecture
    return [
        (arch.service(c.target_id), c.kind)
        for c in ctx.graph.connections_of(node.id)
        if c.source_id == node.id and c.kind in kinds
    ]


def prepare_load_balancer(ctx: CfnContext, node: ServiceNode) -> None:
    """Target groups exist before the groups and instances that register with them are rendered."""
    targets = _targets(ctx, node, ConnectionKind.TRAFFIC)
    port = next((c.port for c in ctx.graph.connections_of(node.id) if c.source_id == node.id and c.port), 80)
    protocol = "TCP" if node.type == "nlb" else "HTTP"
    instances = [t for t, _ in targets if t.type == "ec2_instance"]
    ctx.target_groups[node.id] = ctx.add(
        ctx.lid(node, "TargetGroup"),
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        {
            "VpcId": ctx.vpc_ref(node),
            "Port": port,
            "Protocol": protocol,
            "TargetType": "ip"
            if any(t.type in ("fargate_task", "ecs_service") for t, _ in targets)
            else "instance",
            **({"HealthCheckPath": "/"} if protocol == "HTTP" else {}),
            **({"Targets": [{"Id": ref(ctx.lid(t))} for t in instances]} if instances else {}),
        },
    )


@renders("alb", "nlb")
def _load_balancer(ctx: CfnContext, node: ServiceNode) -> None:
    balancer = ctx.add(
        ctx.lid(node),
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        {
            "Type": "network" if node.type == "nlb" else "application",
            "Scheme": "internet-facing" if _p(node, "internet_facing") else "internal",
            "Subnets": ctx.subnet_refs(node),
            **({"SecurityGroups": ctx.sg_refs(node)} if node.type == "alb" else {}),
            "Tags": ctx.tags(node),
        },
    )
    certificates = [
        s
        for s in _sources(ctx, node, ConnectionKind.ATTACH)
        if ctx.architecture.service(s).type == "acm_certificate"
    ]
    listener: dict[str, Any] = {
        "LoadBalancerArn": ref(balancer),
        "DefaultActions": [{"Type": "forward", "TargetGroupArn": ref(ctx.target_groups[node.id])}],
    }
    if certificates:
        listener.update(
            Port=443,
            Protocol="TLS" if node.type == "nlb" else "HTTPS",
            Certificates=[{"CertificateArn": ref(ctx.lid(ctx.architecture.node(certificates[0])))}],
        )
    else:
        listener.update(
            Port=int(_p(node, "listener_port", 80))
            if _p(node, "listener_protocol") in ("HTTP", "TCP")
            else 80,
            Protocol="TCP" if node.type == "nlb" else "HTTP",
        )
    ctx.add(ctx.lid(node, "Listener"), "AWS::ElasticLoadBalancingV2::Listener", listener)
    ctx.output(f"{balancer}DnsName", get_att(balancer, "DNSName"), f"DNS name of {node.label}")


@renders("rds_instance")
def _rds(ctx: CfnContext, node: ServiceNode) -> None:
    group = ctx.add(
        ctx.lid(node, "SubnetGroup"),
        "AWS::RDS::DBSubnetGroup",
        {
            "DBSubnetGroupDescription": f"Subnets of {node.label}",
            "SubnetIds": ctx.subnet_refs(node),
        },
    )
    engine = str(_p(node, "engine", "postgres"))
    db = ctx.add(
        ctx.lid(node),
        "AWS::RDS::DBInstance",
        {
            "Engine": engine,
            "DBInstanceClass": ctx.parameter(
                f"{ctx.lid(node)}InstanceClass",
                "String",
                str(_p(node, "instance_class", "db.t3.micro")),
                f"Instance class of {node.label}",
            ),
            "AllocatedStorage": str(_p(node, "allocated_storage_gb", 20)),
            "StorageType": str(_p(node, "storage_type", "gp3")),
            "MultiAZ": bool(_p(node, "multi_az", True)),
            "BackupRetentionPeriod": int(_p(node, "backup_retention_days", 7)),
            "StorageEncrypted": bool(_p(node, "encrypted", True)),
            "DeletionProtection": bool(_p(node, "deletion_protection", False)),
            "PubliclyAccessible": bool(_p(node, "publicly_accessible", False)),
            "MasterUsername": "dbadmin",
            # The password is generated and kept in Secrets Manager, never written in the template.
            "ManageMasterUserPassword": True,
            "DBSubnetGroupName": ref(group),
            "VPCSecurityGroups": ctx.sg_refs(node),
            "Tags": ctx.tags(node),
        },
        DeletionPolicy="Snapshot",
        UpdateReplacePolicy="Snapshot",
    )
    ctx.output(f"{db}Endpoint", get_att(db, "Endpoint.Address"), f"Endpoint of {node.label}")


@renders("s3_bucket")
def _s3(ctx: CfnContext, node: ServiceNode) -> None:
    public = bool(_p(node, "public_access", False))
    props: dict[str, Any] = {
        "VersioningConfiguration": {"Status": "Enabled" if _p(node, "versioning", True) else "Suspended"},
        "PublicAccessBlockConfiguration": {
            key: not public
            for key in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
        },
        "Tags": ctx.tags(node),
    }
    if _p(node, "encrypted", True):
        props["BucketEncryption"] = {
            "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
            ]
        }
    if _p(node, "bucket_name"):
        props["BucketName"] = _p(node, "bucket_name")
    ctx.add(ctx.lid(node), "AWS::S3::Bucket", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    ctx.output(f"{ctx.lid(node)}Name", ref(ctx.lid(node)), f"Bucket of {node.label}")


@renders("dynamodb_table")
def _dynamodb(ctx: CfnContext, node: ServiceNode) -> None:
    key = str(_p(node, "partition_key", "id"))
    attributes = [{"AttributeName": key, "AttributeType": str(_p(node, "partition_key_type", "S"))}]
    schema = [{"AttributeName": key, "KeyType": "HASH"}]
    if _p(node, "sort_key"):
        attributes.append(
            {"AttributeName": str(_p(node, "sort_key")), "AttributeType": str(_p(node, "sort_key_type", "S"))}
        )
        schema.append({"AttributeName": str(_p(node, "sort_key")), "KeyType": "RANGE"})
    billing = str(_p(node, "billing_mode", "PAY_PER_REQUEST"))
    props: dict[str, Any] = {
        "BillingMode": billing,
        "AttributeDefinitions": attributes,
        "KeySchema": schema,
        "PointInTimeRecoverySpecification": {
            "PointInTimeRecoveryEnabled": bool(_p(node, "point_in_time_recovery", True))
        },
        "SSESpecification": {"SSEEnabled": bool(_p(node, "encrypted", True))},
        "Tags": ctx.tags(node),
    }
    if billing == "PROVISIONED":
        props["ProvisionedThroughput"] = {
            "ReadCapacityUnits": int(_p(node, "read_capacity", 5)),
            "WriteCapacityUnits": int(_p(node, "write_capacity", 5)),
        }
    stream = str(_p(node, "stream", "NONE"))
    if stream != "NONE" or _sources_poll(ctx, node):
        props["StreamSpecification"] = {
            "StreamViewType": stream if stream != "NONE" else "NEW_AND_OLD_IMAGES"
        }
    ctx.add(
        ctx.lid(node), "AWS::DynamoDB::Table", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain"
    )


def _sources_poll(ctx: CfnContext, node: ServiceNode) -> bool:
    return any(
        c.source_id == node.id and c.kind is ConnectionKind.POLL for c in ctx.graph.connections_of(node.id)
    )


@renders("sqs_queue")
def _sqs(ctx: CfnContext, node: ServiceNode) -> None:
    fifo = bool(_p(node, "fifo", False))
    props: dict[str, Any] = {
        "VisibilityTimeout": int(_p(node, "visibility_timeout_seconds", 30)),
        "MessageRetentionPeriod": int(_p(node, "message_retention_seconds", 345600)),
        "MaximumMessageSize": int(_p(node, "max_message_size_bytes", 262144)),
        "ReceiveMessageWaitTimeSeconds": int(_p(node, "receive_wait_seconds", 20)),
        "SqsManagedSseEnabled": bool(_p(node, "encrypted", True)),
        **({"FifoQueue": True} if fifo else {}),
    }
    if _p(node, "dead_letter_queue", True):
        dlq = ctx.add(
            ctx.lid(node, "DeadLetterQueue"),
            "AWS::SQS::Queue",
            {
                "MessageRetentionPeriod": 1209600,
                "SqsManagedSseEnabled": True,
                **({"FifoQueue": True} if fifo else {}),
            },
        )
        props["RedrivePolicy"] = {"deadLetterTargetArn": get_att(dlq, "Arn"), "maxReceiveCount": 5}
    ctx.add(ctx.lid(node), "AWS::SQS::Queue", props)


@renders("sns_topic")
def _sns(ctx: CfnContext, node: ServiceNode) -> None:
    props: dict[str, Any] = {"Tags": ctx.tags(node)}
    if _p(node, "encrypted", True):
        props["KmsMasterKeyId"] = "alias/aws/sns"
    ctx.add(ctx.lid(node), "AWS::SNS::Topic", props)


@renders("kinesis_stream")
def _kinesis(ctx: CfnContext, node: ServiceNode) -> None:
    props: dict[str, Any] = {
        "ShardCount": int(_p(node, "shard_count", 1)),
        "RetentionPeriodHours": int(_p(node, "retention_hours", 24)),
    }
    if _p(node, "encrypted", True):
        props["StreamEncryption"] = {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}
    ctx.add(ctx.lid(node), "AWS::Kinesis::Stream", props)


@renders("lambda_function")
def _lambda(ctx: CfnContext, node: ServiceNode) -> None:
    managed = [sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    if ctx.graph.placements[node.id].vpc_id:
        managed.append(
            sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")
        )
    role = _role(ctx, node, "lambda.amazonaws.com", managed)
    runtime = str(_p(node, "runtime", "python3.12"))
    props: dict[str, Any] = {
        "Runtime": runtime,
        "Handler": str(_p(node, "handler", "index.handler")),
        "MemorySize": int(_p(node, "memory_mb", 128)),
        "Timeout": int(_p(node, "timeout_seconds", 3)),
        "Role": get_att(role, "Arn"),
        "Code": {"ZipFile": STUB_HANDLER}
        if runtime.startswith("python")
        else {"ZipFile": "exports.handler = async () => ({statusCode: 200});\n"},
        "Tags": ctx.tags(node),
    }
    if ctx.graph.placements[node.id].vpc_id:
        props["VpcConfig"] = {"SubnetIds": ctx.subnet_refs(node), "SecurityGroupIds": ctx.sg_refs(node)}
    ctx.environment[node.id] = {}
    props["Environment"] = {"Variables": ctx.environment[node.id]}
    ctx.add(ctx.lid(node), "AWS::Lambda::Function", props)


@renders("api_gateway_rest")
def _rest_api(ctx: CfnContext, node: ServiceNode) -> None:
    api = ctx.add(
        ctx.lid(node),
        "AWS::ApiGateway::RestApi",
        {
            "Name": node.label,
            "EndpointConfiguration": {"Types": [str(_p(node, "endpoint_type", "REGIONAL"))]},
        },
    )
    methods = []
    for target, _kind in _targets(ctx, node, ConnectionKind.INVOKE):
        if target.type != "lambda_function":
            continue
        fn = ctx.lid(target)
        method = ctx.add(
            ctx.lid(node, f"{fn}Method"),
            "AWS::ApiGateway::Method",
            {
                "RestApiId": ref(api),
                "ResourceId": get_att(api, "RootResourceId"),
                "HttpMethod": "ANY",
                "AuthorizationType": str(_p(node, "authorization", "NONE")).replace(
                    "COGNITO_USER_POOLS", "COGNITO_USER_POOLS"
                ),
                "Integration": {
                    "Type": "AWS_PROXY",
                    "IntegrationHttpMethod": "POST",
                    "Uri": sub(
                        f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{fn}.Arn}}/invocations"
                    ),
                },
            },
        )
        methods.append(method)
        ctx.add(
            ctx.lid(node, f"{fn}Permission"),
            "AWS::Lambda::Permission",
            {
                "FunctionName": ref(fn),
                "Action": "lambda:InvokeFunction",
                "Principal": "apigateway.amazonaws.com",
                "SourceArn": sub(
                    f"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/*"
                ),
            },
        )
    if methods:
        stage = str(_p(node, "stage_name", "prod"))
        ctx.add(
            ctx.lid(node, "Deployment"),
            "AWS::ApiGateway::Deployment",
            {"RestApiId": ref(api), "StageName": stage},
            DependsOn=methods,
        )
        ctx.output(
            f"{api}Url",
            sub(f"https://${{{api}}}.execute-api.${{AWS::Region}}.amazonaws.com/{stage}"),
            f"Invoke URL of {node.label}",
        )


@renders("acm_certificate")
def _certificate(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CertificateManager::Certificate",
        {
            "DomainName": ctx.parameter(
                f"{ctx.lid(node)}DomainName",
                "String",
                str(_p(node, "domain_name", "www.example.com")),
                f"Domain name of {node.label}",
            ),
            "ValidationMethod": str(_p(node, "validation_method", "DNS")),
        },
    )


@renders("route53_zone")
def _zone(ctx: CfnContext, node: ServiceNode) -> None:
    domain = ctx.parameter(
        f"{ctx.lid(node)}DomainName",
        "String",
        str(_p(node, "domain_name", "example.com")),
        f"Domain of the hosted zone {node.label}",
    )
    zone = ctx.add(ctx.lid(node), "AWS::Route53::HostedZone", {"Name": domain})
    for connection in ctx.graph.connections_of(node.id):
        if connection.source_id != node.id or connection.kind is not ConnectionKind.DNS:
            continue
        target = ctx.architecture.service(connection.target_id)
        record = connection.label if "." in connection.label else None
        name = record or _p(node, "domain_name", "example.com")
        if target.type == "cloudfront_distribution":
            alias = {"DNSName": get_att(ctx.lid(target), "DomainName"), "HostedZoneId": "Z2FDTNDATAQYW2"}
        elif target.type in ("alb", "nlb"):
            alias = {
                "DNSName": get_att(ctx.lid(target), "DNSName"),
                "HostedZoneId": get_att(ctx.lid(target), "CanonicalHostedZoneID"),
            }
        else:
            continue
        ctx.add(
            ctx.names.get(f"{connection.id}:record", f"{ctx.lid(target)}Record"),
            "AWS::Route53::RecordSet",
            {
                "HostedZoneId": ref(zone),
                "Name": name,
                "Type": "A",
                "AliasTarget": alias,
            },
        )


@renders("cloudfront_distribution")
def _cloudfront(ctx: CfnContext, node: ServiceNode) -> None:
    origins, default_origin = [], None
    for target, _kind in _targets(ctx, node, ConnectionKind.ORIGIN):
        origin_id = ctx.lid(target)
        if target.type == "s3_bucket":
            oac = ctx.add(
                ctx.lid(node, f"{origin_id}Oac"),
                "AWS::CloudFront::OriginAccessControl",
                {
                    "OriginAccessControlConfig": {
                        "Name": sub(f"${{AWS::StackName}}-{origin_id}"),
                        "OriginAccessControlOriginType": "s3",
                        "SigningBehavior": "always",
                        "SigningProtocol": "sigv4",
                    }
                },
            )
            origins.append(
                {
                    "Id": origin_id,
                    "DomainName": get_att(origin_id, "RegionalDomainName"),
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                    "OriginAccessControlId": get_att(oac, "Id"),
                }
            )
            ctx.add(
                ctx.lid(node, f"{origin_id}Policy"),
                "AWS::S3::BucketPolicy",
                {
                    "Bucket": ref(origin_id),
                    "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Principal": {"Service": "cloudfront.amazonaws.com"},
                                "Action": "s3:GetObject",
                                "Resource": sub(f"${{{origin_id}.Arn}}/*"),
                                "Condition": {
                                    "StringEquals": {
                                        "AWS:SourceArn": sub(
                                            f"arn:${{AWS::Partition}}:cloudfront::${{AWS::AccountId}}:distribution/${{{ctx.lid(node)}}}"
                                        )
                                    }
                                },
                            }
                        ],
                    },
                },
            )
        elif target.type in ("alb", "api_gateway_rest"):
            domain = (
                get_att(origin_id, "DNSName")
                if target.type == "alb"
                else sub(f"${{{origin_id}}}.execute-api.${{AWS::Region}}.amazonaws.com")
            )
            origins.append(
                {
                    "Id": origin_id,
                    "DomainName": domain,
                    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"},
                }
            )
        default_origin = default_origin or origin_id
    config: dict[str, Any] = {
        "Enabled": True,
        "DefaultRootObject": str(_p(node, "default_root_object", "index.html")),
        "PriceClass": str(_p(node, "price_class", "PriceClass_100")),
        "HttpVersion": "http2",
        "Origins": origins
        or [
            {
                "Id": "placeholder",
                "DomainName": "example.com",
                "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"},
            }
        ],
        "DefaultCacheBehavior": {
            "TargetOriginId": default_origin or "placeholder",
            "ViewerProtocolPolicy": str(_p(node, "viewer_protocol_policy", "redirect-to-https")),
            "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",  # AWS managed CachingOptimized
        },
    }
    certificates = [
        ctx.architecture.service(s)
        for s in _sources(ctx, node, ConnectionKind.ATTACH)
        if ctx.architecture.service(s).type == "acm_certificate"
    ]
    if certificates:
        config["Aliases"] = [ref(f"{ctx.lid(certificates[0])}DomainName")]
        config["ViewerCertificate"] = {
            "AcmCertificateArn": ref(ctx.lid(certificates[0])),
            "SslSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        }
    logs = [t for t, _ in _targets(ctx, node, ConnectionKind.LOGS) if t.type == "s3_bucket"]
    if logs:
        config["Logging"] = {
            "Bucket": get_att(ctx.lid(logs[0]), "RegionalDomainName"),
            "Prefix": "cloudfront/",
        }
    ctx.add(ctx.lid(node), "AWS::CloudFront::Distribution", {"DistributionConfig": config})
    ctx.output(f"{ctx.lid(node)}DomainName", get_att(ctx.lid(node), "DomainName"), f"Domain of {node.label}")


@renders("cloudtrail")
def _trail(ctx: CfnContext, node: ServiceNode) -> None:
    bucket = ctx.add(
        ctx.lid(node, "Bucket"),
        "AWS::S3::Bucket",
        {
            "BucketEncryption": {
                "ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
                ]
            },
            "PublicAccessBlockConfiguration": {
                k: True
                for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
            },
            "VersioningConfiguration": {"Status": "Enabled"},
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )
    policy = ctx.add(
        ctx.lid(node, "BucketPolicy"),
        "AWS::S3::BucketPolicy",
        {
            "Bucket": ref(bucket),
            "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:GetBucketAcl",
                        "Resource": get_att(bucket, "Arn"),
                    },
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:PutObject",
                        "Resource": sub(f"${{{bucket}.Arn}}/AWSLogs/${{AWS::AccountId}}/*"),
                        "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
                    },
                ],
            },
        },
    )
    ctx.add(
        ctx.lid(node),
        "AWS::CloudTrail::Trail",
        {
            "IsLogging": True,
            "S3BucketName": ref(bucket),
            "IsMultiRegionTrail": bool(_p(node, "multi_region", True)),
            "EnableLogFileValidation": bool(_p(node, "log_file_validation", True)),
            "IncludeGlobalServiceEvents": True,
        },
        DependsOn=policy,
    )


@renders("kms_key")
def _kms(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::KMS::Key",
        {
            "EnableKeyRotation": bool(_p(node, "key_rotation", True)),
            "PendingWindowInDays": int(_p(node, "deletion_window_days", 30)),
            "KeyPolicy": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
                        "Action": "kms:*",
                        "Resource": "*",
                    }
                ],
            },
        },
    )


@renders("secrets_manager_secret")
def _secret(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::SecretsManager::Secret",
        {
            "Description": node.label,
            "GenerateSecretString": {"PasswordLength": 32, "ExcludePunctuation": True},
        },
    )


@renders("cloudwatch_log_group")
def _log_group(ctx: CfnContext, node: ServiceNode) -> None:
    retention = str(_p(node, "retention_days", "30"))
    ctx.add(
        ctx.lid(node),
        "AWS::Logs::LogGroup",
        {**({"RetentionInDays": int(retention)} if retention != "never" else {})},
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


@renders("cloudwatch_alarm")
def _alarm(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CloudWatch::Alarm",
        {
            "AlarmDescription": node.label,
            "MetricName": str(_p(node, "metric_name", "CPUUtilization")),
            "Namespace": "AWS/EC2",
            "Statistic": "Average",
            "Period": int(_p(node, "period_seconds", 300)),
            "EvaluationPeriods": 1,
            "Threshold": float(_p(node, "threshold", 80)),
            "ComparisonOperator": "GreaterThanThreshold",
        },
    )


@renders("elastic_ip")
def _eip(ctx: CfnContext, node: ServiceNode) -> None:
    instances = [t for t, _ in _targets(ctx, node, ConnectionKind.ATTACH) if t.type == "ec2_instance"]
    ctx.add(
        ctx.lid(node),
        "AWS::EC2::EIP",
        {"Domain": "vpc", **({"InstanceId": ref(ctx.lid(instances[0]))} if instances else {})},
    )


@renders("ecr_repository")
def _ecr(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::ECR::Repository",
        {
            "RepositoryName": snake(node.label).replace("_", "-"),
            "ImageScanningConfiguration": {"ScanOnPush": bool(_p(node, "scan_on_push", True))},
            "ImageTagMutability": str(_p(node, "image_tag_mutability", "IMMUTABLE")),
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


@renders("ecs_cluster")
def _ecs_cluster(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::ECS::Cluster",
        {
            "ClusterSettings": [
                {
                    "Name": "containerInsights",
                    "Value": "enabled" if _p(node, "container_insights", True) else "disabled",
                }
            ],
        },
    )


def events_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


@renders("iam_role")
def _iam_role(ctx: CfnContext, node: ServiceNode) -> None:
    principal = str(_p(node, "assumed_by", "ec2.amazonaws.com"))
    ctx.add(
        ctx.lid(node),
        "AWS::IAM::Role",
        {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}
                ],
            },
            **(
                {"ManagedPolicyArns": list(_p(node, "managed_policy_arns"))}
                if _p(node, "managed_policy_arns")
                else {}
            ),
        },
    )
