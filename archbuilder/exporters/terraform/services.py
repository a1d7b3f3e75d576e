"""Terraform for platform services: EKS, MSK, DAX, Glue jobs, CodeBuild, Route 53 health checks, SES identities,
Classic Load Balancers and WAF web ACLs with their associations."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    CompanionWriter,
    Props,
    arg,
    present,
    split_resource,
    tags_arg,
)


def _label(conv: Converter_, logical: str, limit: int) -> str:
    return conv.names[logical][1].replace("_", "-")[:limit].strip("-")


def _eks(conv: Converter_, logical: str, p: Props) -> Props:
    vpc = p["ResourcesVpcConfig"]
    return {
        "name": Expr(f'"${{var.name}}-{_label(conv, logical, 60)}"'),
        "version": p["Version"],
        "role_arn": conv.expr(p["RoleArn"]),
        "vpc_config": Block(
            "vpc_config",
            (),
            {
                "subnet_ids": conv.expr(vpc["SubnetIds"]),
                "security_group_ids": conv.expr(vpc["SecurityGroupIds"]),
                "endpoint_public_access": vpc["EndpointPublicAccess"],
                "endpoint_private_access": vpc["EndpointPrivateAccess"],
            },
        ),
    }


def _msk(conv: Converter_, logical: str, p: Props) -> Props:
    brokers, transit = p["BrokerNodeGroupInfo"], p["EncryptionInfo"]["EncryptionInTransit"]
    body: Props = {
        # Cluster names are at most 64 characters; the CloudFormation side suffixes the stack id instead.
        "cluster_name": Expr(f'"${{var.name}}-{_label(conv, logical, 30)}"'),
        "kafka_version": p["KafkaVersion"],
        "number_of_broker_nodes": p["NumberOfBrokerNodes"],
        "broker_node_group_info": Block(
            "broker_node_group_info",
            (),
            {
                "instance_type": conv.expr(brokers["InstanceType"]),
                "client_subnets": conv.expr(brokers["ClientSubnets"]),
                "security_groups": conv.expr(brokers["SecurityGroups"]),
                "storage_info": Block(
                    "storage_info",
                    (),
                    {
                        "ebs_storage_info": Block(
                            "ebs_storage_info",
                            (),
                            {"volume_size": brokers["StorageInfo"]["EBSStorageInfo"]["VolumeSize"]},
                        )
                    },
                ),
            },
        ),
        "encryption_info": Block(
            "encryption_info",
            (),
            {
                "encryption_in_transit": Block(
                    "encryption_in_transit",
                    (),
                    {"client_broker": transit["ClientBroker"], "in_cluster": transit["InCluster"]},
                )
            },
        ),
    }
    authentication = _msk_authentication(conv, p.get("ClientAuthentication", {}))
    if authentication:
        body["client_authentication"] = Block("client_authentication", (), authentication)
    # CloudFormation retains the cluster; MSK has no deletion protection of its own.
    body["lifecycle"] = Block("lifecycle", (), {"prevent_destroy": True})
    return body


def _msk_authentication(conv: Converter_, written: Props) -> Props:
    """IAM or SCRAM (sasl), or mutual TLS with the certificate authorities' variable."""
    sasl = {
        key.lower(): True for key in ("Iam", "Scram") if written.get("Sasl", {}).get(key, {}).get("Enabled")
    }
    if sasl:
        return {"sasl": Block("sasl", (), sasl)}
    if "Tls" in written:
        arns = conv.expr(written["Tls"]["CertificateAuthorityArnList"])
        return {"tls": Block("tls", (), {"certificate_authority_arns": arns})}
    return {}


def _dax_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{_label(conv, logical, 60)}"'),
        "description": p["Description"],
        "subnet_ids": conv.expr(p["SubnetIds"]),
    }


def _dax(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        # DAX cluster names are at most 20 characters, without a double hyphen.
        "cluster_name": Expr(f'"${{trimsuffix(substr(var.name, 0, 9), "-")}}-{_label(conv, logical, 10)}"'),
        "iam_role_arn": conv.expr(p["IAMRoleARN"]),
        "node_type": p["NodeType"],
        "replication_factor": p["ReplicationFactor"],
        "subnet_group_name": conv.expr(p["SubnetGroupName"]),
        "security_group_ids": conv.expr(p["SecurityGroupIds"]),
        "cluster_endpoint_encryption_type": p["ClusterEndpointEncryptionType"],
        "server_side_encryption": Block(
            "server_side_encryption", (), {"enabled": p["SSESpecification"]["SSEEnabled"]}
        ),
    }


def _glue_job(conv: Converter_, logical: str, p: Props) -> Props:
    command = p["Command"]
    return present(
        {
            "name": Expr(f'"${{var.name}}-{_label(conv, logical, 200)}"'),
            "role_arn": conv.expr(p["Role"]),
            "glue_version": p["GlueVersion"],
            "timeout": p["Timeout"],
            "max_retries": p["MaxRetries"],
            "worker_type": p.get("WorkerType"),
            "number_of_workers": p.get("NumberOfWorkers"),
            "security_configuration": arg(conv, p, "SecurityConfiguration"),
            "command": Block(
                "command",
                (),
                {
                    "name": command["Name"],
                    "script_location": conv.expr(command["ScriptLocation"]),
                    "python_version": command["PythonVersion"],
                },
            ),
        }
    )


def _glue_security_configuration(conv: Converter_, logical: str, p: Props) -> Props:
    config = p["EncryptionConfiguration"]
    s3, logs, bookmarks = (
        config["S3Encryptions"][0],
        config["CloudWatchEncryption"],
        config["JobBookmarksEncryption"],
    )
    return {
        "name": conv.expr(p["Name"]),
        "encryption_configuration": Block(
            "encryption_configuration",
            (),
            {
                "cloudwatch_encryption": Block(
                    "cloudwatch_encryption",
                    (),
                    {
                        "cloudwatch_encryption_mode": logs["CloudWatchEncryptionMode"],
                        "kms_key_arn": conv.expr(logs["KmsKeyArn"]),
                    },
                ),
                "job_bookmarks_encryption": Block(
                    "job_bookmarks_encryption",
                    (),
                    {
                        "job_bookmarks_encryption_mode": bookmarks["JobBookmarksEncryptionMode"],
                        "kms_key_arn": conv.expr(bookmarks["KmsKeyArn"]),
                    },
                ),
                "s3_encryption": Block(
                    "s3_encryption",
                    (),
                    {"s3_encryption_mode": s3["S3EncryptionMode"], "kms_key_arn": conv.expr(s3["KmsKeyArn"])},
                ),
            },
        ),
    }


def _codebuild(conv: Converter_, logical: str, p: Props) -> Props:
    source, environment, vpc = p["Source"], p["Environment"], p.get("VpcConfig")
    return present(
        {
            "name": Expr(f'"${{var.name}}-{_label(conv, logical, 200)}"'),
            "service_role": conv.expr(p["ServiceRole"]),
            "source": Block("source", (), {"type": source["Type"], "buildspec": source["BuildSpec"]}),
            "artifacts": Block("artifacts", (), {"type": p["Artifacts"]["Type"]}),
            "environment": Block(
                "environment",
                (),
                {
                    "type": environment["Type"],
                    "compute_type": environment["ComputeType"],
                    "image": environment["Image"],
                },
            ),
            "vpc_config": Block(
                "vpc_config",
                (),
                {
                    "vpc_id": conv.expr(vpc["VpcId"]),
                    "subnets": conv.expr(vpc["Subnets"]),
                    "security_group_ids": conv.expr(vpc["SecurityGroupIds"]),
                },
            )
            if vpc
            else None,
        }
    )


def _health_check(conv: Converter_, logical: str, p: Props) -> Props:
    config = p["HealthCheckConfig"]
    tags = p.get("HealthCheckTags")
    return present(
        {
            "type": config["Type"],
            "fqdn": conv.expr(config["FullyQualifiedDomainName"]),
            "port": config["Port"],
            "resource_path": config.get("ResourcePath"),
            "request_interval": config["RequestInterval"],
            "failure_threshold": config["FailureThreshold"],
            "tags": {t["Key"]: conv.expr(t["Value"]) for t in tags} if tags else None,
        }
    )


def _ses(conv: Converter_, logical: str, p: Props) -> Props:
    return {"email_identity": conv.expr(p["EmailIdentity"])}


def _classic_load_balancer(conv: Converter_, logical: str, p: Props) -> Props:
    check, draining = p["HealthCheck"], p["ConnectionDrainingPolicy"]
    listeners = [
        Block(
            "listener",
            (),
            present(
                {
                    "instance_port": int(listener["InstancePort"]),
                    "instance_protocol": listener["InstanceProtocol"],
                    "lb_port": int(listener["LoadBalancerPort"]),
                    "lb_protocol": listener["Protocol"],
                    "ssl_certificate_id": arg(conv, listener, "SSLCertificateId"),
                }
            ),
        )
        for listener in p["Listeners"]
    ]
    return present(
        {
            "internal": p.get("Scheme") == "internal",
            "subnets": conv.expr(p["Subnets"]),
            "security_groups": arg(conv, p, "SecurityGroups"),
            "instances": arg(conv, p, "Instances"),
            "cross_zone_load_balancing": p["CrossZone"],
            "idle_timeout": p["ConnectionSettings"]["IdleTimeout"],
            "connection_draining": draining["Enabled"],
            "connection_draining_timeout": draining["Timeout"],
            "listener": listeners,
            "health_check": Block(
                "health_check",
                (),
                {
                    "target": check["Target"],
                    "healthy_threshold": int(check["HealthyThreshold"]),
                    "unhealthy_threshold": int(check["UnhealthyThreshold"]),
                    "interval": int(check["Interval"]),
                    "timeout": int(check["Timeout"]),
                },
            ),
            **tags_arg(conv, p),
        }
    )


def _proxy_protocol(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The provider keeps a Classic Load Balancer's Proxy Protocol policy, and the back-end ports it is set on,
    in a resource of its own."""
    blocks = []
    for policy in p.get("Policies") or []:
        if policy["PolicyType"] != "ProxyProtocolPolicyType":
            raise ValueError(f"policy type {policy['PolicyType']} has no Terraform form here")
        blocks.append(
            split_resource(
                conv,
                logical,
                "aws_proxy_protocol_policy",
                {
                    "load_balancer": Expr(f"{conv.address(logical)}.name"),
                    "instance_ports": [str(port) for port in policy["InstancePorts"]],
                },
            )
        )
    return blocks


def _visibility(config: Props) -> Block:
    return Block(
        "visibility_config",
        (),
        {
            "cloudwatch_metrics_enabled": config["CloudWatchMetricsEnabled"],
            "metric_name": config["MetricName"],
            "sampled_requests_enabled": config["SampledRequestsEnabled"],
        },
    )


def _statement(statement: Props) -> Block:
    managed = statement["ManagedRuleGroupStatement"]
    return Block(
        "statement",
        (),
        {
            "managed_rule_group_statement": Block(
                "managed_rule_group_statement",
                (),
                {"name": managed["Name"], "vendor_name": managed["VendorName"]},
            )
        },
    )


def _action(kind: str, action: dict[str, Any]) -> Block:
    """`{"Allow": {}}` -> `default_action { allow {} }`."""
    [(name, _empty)] = action.items()
    return Block(kind, (), {name.lower(): Block(name.lower(), (), {})})


def _web_acl(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{_label(conv, logical, 60)}"'),
        "scope": p["Scope"],
        "default_action": _action("default_action", p["DefaultAction"]),
        "rule": [
            Block(
                "rule",
                (),
                {
                    "name": rule["Name"],
                    "priority": rule["Priority"],
                    "override_action": _action("override_action", rule["OverrideAction"]),
                    "statement": _statement(rule["Statement"]),
                    "visibility_config": _visibility(rule["VisibilityConfig"]),
                },
            )
            for rule in p["Rules"]
        ],
        "visibility_config": _visibility(p["VisibilityConfig"]),
    }


def _web_acl_association(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "resource_arn": conv.expr(p["ResourceArn"]),
            "web_acl_arn": conv.expr(p["WebACLArn"]),
        }
    )


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::EKS::Cluster": _eks,
    "AWS::MSK::Cluster": _msk,
    "AWS::DAX::SubnetGroup": _dax_subnets,
    "AWS::DAX::Cluster": _dax,
    "AWS::Glue::Job": _glue_job,
    "AWS::Glue::SecurityConfiguration": _glue_security_configuration,
    "AWS::CodeBuild::Project": _codebuild,
    "AWS::Route53::HealthCheck": _health_check,
    "AWS::SES::EmailIdentity": _ses,
    "AWS::ElasticLoadBalancing::LoadBalancer": _classic_load_balancer,
    "AWS::WAFv2::WebACL": _web_acl,
    "AWS::WAFv2::WebACLAssociation": _web_acl_association,
}


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::ElasticLoadBalancing::LoadBalancer": [_proxy_protocol],
}
