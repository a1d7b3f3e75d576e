"""One function per resource type: CloudFormation properties to the aws provider's arguments and blocks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.exporters.hcl_writer import Block, Expr
from archbuilder.exporters.terraform_convert import Converter_

Props = dict[str, Any]
RESOURCE_WRITERS: dict[str, Callable[[Converter_, str, Props], list[Block]]] = {}


def writes(
    cfn_type: str,
) -> Callable[[Callable[[Converter_, str, Props], Props]], Callable[[Converter_, str, Props], Props]]:
    def register(
        function: Callable[[Converter_, str, Props], Props],
    ) -> Callable[[Converter_, str, Props], Props]:
        def write(conv: Converter_, logical: str, props: Props) -> list[Block]:
            tf_type, name = conv.names[logical]
            return [Block("resource", (tf_type, name), function(conv, logical, props))]

        RESOURCE_WRITERS[cfn_type] = write
        return function

    return register


def _tags(conv: Converter_, props: Props) -> Props:
    tags = props.get("Tags")
    return {"tags": {t["Key"]: conv.expr(t["Value"]) for t in tags}} if tags else {}


def _e(conv: Converter_, props: Props, key: str, default: Any = None) -> Any:
    return conv.expr(props[key]) if key in props else default


def _keep(items: Props) -> Props:
    return {k: v for k, v in items.items() if v is not None}


@writes("AWS::EC2::VPC")
def _vpc(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "cidr_block": p["CidrBlock"],
        "enable_dns_support": True,
        "enable_dns_hostnames": True,
        **_tags(conv, p),
    }


@writes("AWS::EC2::Subnet")
def _subnet(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "vpc_id": _e(conv, p, "VpcId"),
        "cidr_block": p["CidrBlock"],
        "availability_zone": _e(conv, p, "AvailabilityZone"),
        "map_public_ip_on_launch": p.get("MapPublicIpOnLaunch", False),
        **_tags(conv, p),
    }


@writes("AWS::EC2::InternetGateway")
def _igw(conv: Converter_, logical: str, p: Props) -> Props:
    # The VPC attachment is an argument here rather than a resource of its own.
    attachment = next(
        body
        for body in conv.resources.values()
        if body["Type"] == "AWS::EC2::VPCGatewayAttachment"
        and body["Properties"]["InternetGatewayId"] == {"Ref": logical}
    )
    return {"vpc_id": conv.expr(attachment["Properties"]["VpcId"]), **_tags(conv, p)}


@writes("AWS::EC2::RouteTable")
def _route_table(conv: Converter_, logical: str, p: Props) -> Props:
    return {"vpc_id": _e(conv, p, "VpcId"), **_tags(conv, p)}


@writes("AWS::EC2::Route")
def _route(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "route_table_id": _e(conv, p, "RouteTableId"),
            "destination_cidr_block": p["DestinationCidrBlock"],
            "gateway_id": _e(conv, p, "GatewayId"),
            "nat_gateway_id": _e(conv, p, "NatGatewayId"),
        }
    )


@writes("AWS::EC2::SubnetRouteTableAssociation")
def _association(conv: Converter_, logical: str, p: Props) -> Props:
    return {"subnet_id": _e(conv, p, "SubnetId"), "route_table_id": _e(conv, p, "RouteTableId")}


@writes("AWS::EC2::EIP")
def _eip(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep({"domain": "vpc", "instance": _e(conv, p, "InstanceId"), **_tags(conv, p)})


@writes("AWS::EC2::NatGateway")
def _nat(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "allocation_id": _e(conv, p, "AllocationId"),
        "subnet_id": _e(conv, p, "SubnetId"),
        **_tags(conv, p),
    }


@writes("AWS::EC2::SecurityGroup")
def _security_group(conv: Converter_, logical: str, p: Props) -> Props:
    body: Props = {"description": p["GroupDescription"], "vpc_id": _e(conv, p, "VpcId")}
    body["ingress"] = [
        Block(
            "ingress",
            (),
            _keep(
                {
                    "description": rule.get("Description"),
                    "protocol": str(rule["IpProtocol"]),
                    "from_port": rule["FromPort"],
                    "to_port": rule["ToPort"],
                    "cidr_blocks": [rule["CidrIp"]],
                }
            ),
        )
        for rule in p.get("SecurityGroupIngress", [])
    ] or None
    body["egress"] = Block(
        "egress",
        (),
        {
            "description": "all outbound",
            "protocol": "-1",
            "from_port": 0,
            "to_port": 0,
            "cidr_blocks": ["0.0.0.0/0"],
        },
    )
    return _keep({**body, **_tags(conv, p)})


@writes("AWS::EC2::SecurityGroupIngress")
def _ingress(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "security_group_id": _e(conv, p, "GroupId"),
            "description": p.get("Description"),
            "ip_protocol": p["IpProtocol"],
            "from_port": p["FromPort"],
            "to_port": p["ToPort"],
            "cidr_ipv4": p.get("CidrIp"),
            "referenced_security_group_id": _e(conv, p, "SourceSecurityGroupId"),
        }
    )


@writes("AWS::EC2::VPCEndpoint")
def _endpoint(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "vpc_id": _e(conv, p, "VpcId"),
        "vpc_endpoint_type": p["VpcEndpointType"],
        "service_name": _e(conv, p, "ServiceName"),
        "route_table_ids": _e(conv, p, "RouteTableIds", []),
    }


@writes("AWS::IAM::Role")
def _role(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "assume_role_policy": conv.json_expr(p["AssumeRolePolicyDocument"]),
            "managed_policy_arns": _e(conv, p, "ManagedPolicyArns"),
        }
    )


@writes("AWS::IAM::InstanceProfile")
def _profile(conv: Converter_, logical: str, p: Props) -> Props:
    return {"role": conv.expr(p["Roles"][0])}


@writes("AWS::IAM::Policy")
def _policy(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": p["PolicyName"],
        "role": conv.expr(p["Roles"][0]),
        "policy": conv.json_expr(p["PolicyDocument"]),
    }


def _ebs(conv: Converter_, mapping: Props) -> Block:
    ebs = mapping["Ebs"]
    return Block(
        "root_block_device",
        (),
        {"volume_size": ebs["VolumeSize"], "volume_type": ebs["VolumeType"], "encrypted": ebs["Encrypted"]},
    )


@writes("AWS::EC2::Instance")
def _instance(conv: Converter_, logical: str, p: Props) -> Props:
    body: Props = {
        "ami": _e(conv, p, "ImageId"),
        "instance_type": _e(conv, p, "InstanceType"),
        "iam_instance_profile": _e(conv, p, "IamInstanceProfile"),
        "key_name": p.get("KeyName"),
    }
    if "NetworkInterfaces" in p:
        interface = p["NetworkInterfaces"][0]
        body.update(
            subnet_id=conv.expr(interface["SubnetId"]),
            vpc_security_group_ids=conv.expr(interface["GroupSet"]),
            associate_public_ip_address=True,
        )
    else:
        body.update(subnet_id=_e(conv, p, "SubnetId"), vpc_security_group_ids=_e(conv, p, "SecurityGroupIds"))
    body["metadata_options"] = Block("metadata_options", (), {"http_tokens": "required"})
    body["root_block_device"] = _ebs(conv, p["BlockDeviceMappings"][0])
    return _keep({**body, **_tags(conv, p)})


@writes("AWS::EC2::LaunchTemplate")
def _launch_template(conv: Converter_, logical: str, p: Props) -> Props:
    data = p["LaunchTemplateData"]
    ebs = data["BlockDeviceMappings"][0]["Ebs"]
    return {
        "image_id": conv.expr(data["ImageId"]),
        "instance_type": conv.expr(data["InstanceType"]),
        "vpc_security_group_ids": conv.expr(data["SecurityGroupIds"]),
        "iam_instance_profile": Block(
            "iam_instance_profile", (), {"arn": conv.expr(data["IamInstanceProfile"]["Arn"])}
        ),
        "metadata_options": Block("metadata_options", (), {"http_tokens": "required"}),
        "block_device_mappings": Block(
            "block_device_mappings",
            (),
            {
                "device_name": "/dev/xvda",
                "ebs": Block(
                    "ebs",
                    (),
                    {
                        "volume_size": ebs["VolumeSize"],
                        "volume_type": ebs["VolumeType"],
                        "encrypted": ebs["Encrypted"],
                    },
                ),
            },
        ),
    }


@writes("AWS::AutoScaling::AutoScalingGroup")
def _asg(conv: Converter_, logical: str, p: Props) -> Props:
    template = p["LaunchTemplate"]
    return _keep(
        {
            "min_size": int(p["MinSize"]),
            "max_size": int(p["MaxSize"]),
            "desired_capacity": int(p["DesiredCapacity"]),
            "vpc_zone_identifier": conv.expr(p["VPCZoneIdentifier"]),
            "target_group_arns": _e(conv, p, "TargetGroupARNs"),
            "health_check_type": p.get("HealthCheckType"),
            "health_check_grace_period": p.get("HealthCheckGracePeriod"),
            "launch_template": Block(
                "launch_template",
                (),
                {"id": conv.expr(template["LaunchTemplateId"]), "version": conv.expr(template["Version"])},
            ),
        }
    )


@writes("AWS::ElasticLoadBalancingV2::LoadBalancer")
def _lb(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "load_balancer_type": p["Type"],
            "internal": p["Scheme"] == "internal",
            "subnets": conv.expr(p["Subnets"]),
            "security_groups": _e(conv, p, "SecurityGroups"),
            **_tags(conv, p),
        }
    )


@writes("AWS::ElasticLoadBalancingV2::TargetGroup")
def _target_group(conv: Converter_, logical: str, p: Props) -> Props:
    body = _keep(
        {
            "vpc_id": _e(conv, p, "VpcId"),
            "port": p["Port"],
            "protocol": p["Protocol"],
            "target_type": p.get("TargetType", "instance"),
        }
    )
    if "HealthCheckPath" in p:
        body["health_check"] = Block("health_check", (), {"path": p["HealthCheckPath"]})
    return body


def extra_target_attachments(conv: Converter_, logical: str, p: Props) -> list[Block]:
    _tf, name = conv.names[logical]
    return [
        Block(
            "resource",
            ("aws_lb_target_group_attachment", f"{name}_{index}"),
            {"target_group_arn": Expr(f"{conv.address(logical)}.arn"), "target_id": conv.expr(target["Id"])},
        )
        for index, target in enumerate(p.get("Targets", []))
    ]


@writes("AWS::ElasticLoadBalancingV2::Listener")
def _listener(conv: Converter_, logical: str, p: Props) -> Props:
    certificates = p.get("Certificates") or []
    return _keep(
        {
            "load_balancer_arn": _e(conv, p, "LoadBalancerArn"),
            "port": p["Port"],
            "protocol": p["Protocol"],
            "certificate_arn": conv.expr(certificates[0]["CertificateArn"]) if certificates else None,
            "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06" if certificates else None,
            "default_action": Block(
                "default_action",
                (),
                {"type": "forward", "target_group_arn": conv.expr(p["DefaultActions"][0]["TargetGroupArn"])},
            ),
        }
    )


@writes("AWS::RDS::DBSubnetGroup")
def _db_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {"description": p["DBSubnetGroupDescription"], "subnet_ids": conv.expr(p["SubnetIds"])}


@writes("AWS::RDS::DBInstance")
def _db(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "engine": p["Engine"],
        "instance_class": _e(conv, p, "DBInstanceClass"),
        "allocated_storage": int(p["AllocatedStorage"]),
        "storage_type": p["StorageType"],
        "multi_az": p["MultiAZ"],
        "backup_retention_period": p["BackupRetentionPeriod"],
        "storage_encrypted": p["StorageEncrypted"],
        "deletion_protection": p["DeletionProtection"],
        "publicly_accessible": p["PubliclyAccessible"],
        "username": p["MasterUsername"],
        "manage_master_user_password": True,
        "db_subnet_group_name": _e(conv, p, "DBSubnetGroupName"),
        "vpc_security_group_ids": _e(conv, p, "VPCSecurityGroups"),
        "skip_final_snapshot": False,
        "final_snapshot_identifier": Expr(f'"{conv.names[logical][1].replace("_", "-")}-final"'),
        **_tags(conv, p),
    }


@writes("AWS::S3::Bucket")
def _bucket(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep({"bucket": p.get("BucketName"), **_tags(conv, p)})


def bucket_companions(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The aws provider splits a bucket's settings into resources of their own."""
    _tf, name = conv.names[logical]
    bucket = Expr(f"{conv.address(logical)}.id")
    blocks = [
        Block(
            "resource",
            ("aws_s3_bucket_versioning", name),
            {
                "bucket": bucket,
                "versioning_configuration": Block(
                    "versioning_configuration", (), {"status": p["VersioningConfiguration"]["Status"]}
                ),
            },
        )
    ]
    if "PublicAccessBlockConfiguration" in p:
        access = p["PublicAccessBlockConfiguration"]
        blocks.append(
            Block(
                "resource",
                ("aws_s3_bucket_public_access_block", name),
                {
                    "bucket": bucket,
                    "block_public_acls": access["BlockPublicAcls"],
                    "block_public_policy": access["BlockPublicPolicy"],
                    "ignore_public_acls": access["IgnorePublicAcls"],
                    "restrict_public_buckets": access["RestrictPublicBuckets"],
                },
            )
        )
    if "BucketEncryption" in p:
        blocks.append(
            Block(
                "resource",
                ("aws_s3_bucket_server_side_encryption_configuration", name),
                {
                    "bucket": bucket,
                    "rule": Block(
                        "rule",
                        (),
                        {
                            "apply_server_side_encryption_by_default": Block(
                                "apply_server_side_encryption_by_default", (), {"sse_algorithm": "AES256"}
                            )
                        },
                    ),
                },
            )
        )
    return blocks


@writes("AWS::S3::BucketPolicy")
def _bucket_policy(conv: Converter_, logical: str, p: Props) -> Props:
    return {"bucket": _e(conv, p, "Bucket"), "policy": conv.json_expr(p["PolicyDocument"])}


@writes("AWS::DynamoDB::Table")
def _table(conv: Converter_, logical: str, p: Props) -> Props:
    keys = {k["KeyType"]: k["AttributeName"] for k in p["KeySchema"]}
    body: Props = {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "billing_mode": p["BillingMode"],
        "hash_key": keys["HASH"],
        "range_key": keys.get("RANGE"),
    }
    body["attribute"] = [
        Block("attribute", (), {"name": a["AttributeName"], "type": a["AttributeType"]})
        for a in p["AttributeDefinitions"]
    ]
    body["point_in_time_recovery"] = Block(
        "point_in_time_recovery",
        (),
        {"enabled": p["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"]},
    )
    body["server_side_encryption"] = Block(
        "server_side_encryption", (), {"enabled": p["SSESpecification"]["SSEEnabled"]}
    )
    if "StreamSpecification" in p:
        body.update(stream_enabled=True, stream_view_type=p["StreamSpecification"]["StreamViewType"])
    return _keep({**body, **_tags(conv, p)})


@writes("AWS::SQS::Queue")
def _queue(conv: Converter_, logical: str, p: Props) -> Props:
    redrive = p.get("RedrivePolicy")
    return _keep(
        {
            "fifo_queue": p.get("FifoQueue"),
            "visibility_timeout_seconds": p.get("VisibilityTimeout"),
            "message_retention_seconds": p.get("MessageRetentionPeriod"),
            "max_message_size": p.get("MaximumMessageSize"),
            "receive_wait_time_seconds": p.get("ReceiveMessageWaitTimeSeconds"),
            "sqs_managed_sse_enabled": p.get("SqsManagedSseEnabled"),
            "redrive_policy": conv.json_expr(redrive) if redrive else None,
        }
    )


@writes("AWS::SNS::Topic")
def _topic(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep({"kms_master_key_id": p.get("KmsMasterKeyId"), **_tags(conv, p)})


@writes("AWS::Kinesis::Stream")
def _stream(conv: Converter_, logical: str, p: Props) -> Props:
    encryption = p.get("StreamEncryption")
    return _keep(
        {
            "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
            "shard_count": p["ShardCount"],
            "retention_period": p["RetentionPeriodHours"],
            "encryption_type": encryption["EncryptionType"] if encryption else None,
            "kms_key_id": encryption["KeyId"] if encryption else None,
        }
    )


@writes("AWS::Lambda::Function")
def _function(conv: Converter_, logical: str, p: Props) -> Props:
    _tf, name = conv.names[logical]
    body: Props = {
        "function_name": Expr(f'"${{var.name}}-{name}"'),
        "role": conv.expr(p["Role"]),
        "runtime": p["Runtime"],
        "handler": p["Handler"],
        "memory_size": p["MemorySize"],
        "timeout": p["Timeout"],
        "filename": Expr(f"data.archive_file.{name}.output_path"),
        "source_code_hash": Expr(f"data.archive_file.{name}.output_base64sha256"),
    }
    variables = p.get("Environment", {}).get("Variables")
    if variables:
        body["environment"] = Block("environment", (), {"variables": conv.expr(variables)})
    if "VpcConfig" in p:
        body["vpc_config"] = Block(
            "vpc_config",
            (),
            {
                "subnet_ids": conv.expr(p["VpcConfig"]["SubnetIds"]),
                "security_group_ids": conv.expr(p["VpcConfig"]["SecurityGroupIds"]),
            },
        )
    return {**body, **_tags(conv, p)}


def function_archive(conv: Converter_, logical: str, p: Props) -> list[Block]:
    _tf, name = conv.names[logical]
    filename = "index.py" if p["Runtime"].startswith("python") else "index.js"
    return [
        Block(
            "data",
            ("archive_file", name),
            {
                "type": "zip",
                "output_path": Expr(f'"${{path.module}}/build/{name}.zip"'),
                "source": Block("source", (), {"content": p["Code"]["ZipFile"], "filename": filename}),
            },
        )
    ]


@writes("AWS::Lambda::EventSourceMapping")
def _mapping(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "event_source_arn": conv.expr(p["EventSourceArn"]),
            "function_name": conv.expr(p["FunctionName"]),
            "starting_position": p.get("StartingPosition"),
        }
    )


@writes("AWS::Lambda::Permission")
def _permission(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "function_name": conv.expr(p["FunctionName"]),
        "action": p["Action"],
        "principal": p["Principal"],
        "source_arn": conv.expr(p["SourceArn"]),
    }


@writes("AWS::CertificateManager::Certificate")
def _certificate(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "domain_name": conv.expr(p["DomainName"]),
        "validation_method": p["ValidationMethod"],
        "lifecycle": Block("lifecycle", (), {"create_before_destroy": True}),
    }


@writes("AWS::Route53::HostedZone")
def _zone(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": conv.expr(p["Name"])}


@writes("AWS::Route53::RecordSet")
def _record(conv: Converter_, logical: str, p: Props) -> Props:
    alias = p["AliasTarget"]
    return {
        "zone_id": conv.expr(p["HostedZoneId"]),
        "name": conv.expr(p["Name"]),
        "type": p["Type"],
        "alias": Block(
            "alias",
            (),
            {
                "name": conv.expr(alias["DNSName"]),
                "zone_id": conv.expr(alias["HostedZoneId"]),
                "evaluate_target_health": False,
            },
        ),
    }


@writes("AWS::CloudFront::OriginAccessControl")
def _oac(conv: Converter_, logical: str, p: Props) -> Props:
    config = p["OriginAccessControlConfig"]
    return {
        "name": conv.expr(config["Name"]),
        "origin_access_control_origin_type": "s3",
        "signing_behavior": "always",
        "signing_protocol": "sigv4",
    }


@writes("AWS::CloudFront::Distribution")
def _distribution(conv: Converter_, logical: str, p: Props) -> Props:
    c = p["DistributionConfig"]
    origins = []
    for origin in c["Origins"]:
        body: Props = {"origin_id": origin["Id"], "domain_name": conv.expr(origin["DomainName"])}
        if "OriginAccessControlId" in origin:
            body["origin_access_control_id"] = conv.expr(origin["OriginAccessControlId"])
        else:
            body["custom_origin_config"] = Block(
                "custom_origin_config",
                (),
                {
                    "http_port": 80,
                    "https_port": 443,
                    "origin_protocol_policy": "https-only",
                    "origin_ssl_protocols": ["TLSv1.2"],
                },
            )
        origins.append(Block("origin", (), body))
    behaviour = c["DefaultCacheBehavior"]
    certificate = c.get("ViewerCertificate")
    return _keep(
        {
            "enabled": True,
            "default_root_object": c.get("DefaultRootObject"),
            "price_class": c["PriceClass"],
            "aliases": _e(conv, c, "Aliases"),
            "origin": origins,
            "default_cache_behavior": Block(
                "default_cache_behavior",
                (),
                {
                    "target_origin_id": behaviour["TargetOriginId"],
                    "viewer_protocol_policy": behaviour["ViewerProtocolPolicy"],
                    "cache_policy_id": behaviour["CachePolicyId"],
                    "allowed_methods": ["GET", "HEAD"],
                    "cached_methods": ["GET", "HEAD"],
                },
            ),
            "logging_config": Block(
                "logging_config",
                (),
                {"bucket": conv.expr(c["Logging"]["Bucket"]), "prefix": c["Logging"]["Prefix"]},
            )
            if "Logging" in c
            else None,
            "restrictions": Block(
                "restrictions",
                (),
                {"geo_restriction": Block("geo_restriction", (), {"restriction_type": "none"})},
            ),
            "viewer_certificate": Block(
                "viewer_certificate",
                (),
                {
                    "acm_certificate_arn": conv.expr(certificate["AcmCertificateArn"]),
                    "ssl_support_method": "sni-only",
                    "minimum_protocol_version": certificate["MinimumProtocolVersion"],
                },
            )
            if certificate
            else Block("viewer_certificate", (), {"cloudfront_default_certificate": True}),
        }
    )


@writes("AWS::CloudTrail::Trail")
def _trail(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "s3_bucket_name": conv.expr(p["S3BucketName"]),
        "is_multi_region_trail": p["IsMultiRegionTrail"],
        "enable_log_file_validation": p["EnableLogFileValidation"],
        "include_global_service_events": True,
    }


@writes("AWS::KMS::Key")
def _kms(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "enable_key_rotation": p["EnableKeyRotation"],
        "deletion_window_in_days": p["PendingWindowInDays"],
    }


@writes("AWS::SecretsManager::Secret")
def _secret(conv: Converter_, logical: str, p: Props) -> Props:
    return {"description": p["Description"]}


@writes("AWS::Logs::LogGroup")
def _log_group(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "name": Expr(f'"/${{var.name}}/{conv.names[logical][1]}"'),
            "retention_in_days": p.get("RetentionInDays"),
        }
    )


@writes("AWS::CloudWatch::Alarm")
def _alarm(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "alarm_name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "alarm_description": p["AlarmDescription"],
        "metric_name": p["MetricName"],
        "namespace": p["Namespace"],
        "statistic": p["Statistic"],
        "period": p["Period"],
        "evaluation_periods": p["EvaluationPeriods"],
        "threshold": p["Threshold"],
        "comparison_operator": p["ComparisonOperator"],
    }


@writes("AWS::ECR::Repository")
def _ecr(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": p["RepositoryName"],
        "image_tag_mutability": p["ImageTagMutability"],
        "image_scanning_configuration": Block(
            "image_scanning_configuration",
            (),
            {"scan_on_push": p["ImageScanningConfiguration"]["ScanOnPush"]},
        ),
    }
