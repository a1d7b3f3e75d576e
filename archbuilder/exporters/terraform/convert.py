"""Renders the deployment the CloudFormation builder decided (network, groups, roles, wiring) as Terraform
resources, so both formats describe the same infrastructure."""

from __future__ import annotations

import json
import re
from typing import Any

from archbuilder.exporters.terraform.hcl_writer import Call, Conditional, Expr, literal, value
from archbuilder.exporters.terraform.service_types import FSX_TYPES, SERVICE_TYPES
from archbuilder.model.naming import snake

# Types whose Ref is a name in CloudFormation but whose Terraform reference (TYPES) is an ARN: inside text (an
# instance's user data naming its ECS cluster) the name is what the text says.
NAMED_IN_TEXT = {"AWS::ECS::Cluster": "name"}
# CloudFormation type -> (Terraform type, attribute a bare Ref means, GetAtt attribute map)
TYPES: dict[str, tuple[str, str, dict[str, str]]] = {
    "AWS::EC2::VPC": ("aws_vpc", "id", {}),
    "AWS::EC2::Subnet": ("aws_subnet", "id", {}),
    "AWS::EC2::InternetGateway": ("aws_internet_gateway", "id", {}),
    "AWS::EC2::RouteTable": ("aws_route_table", "id", {}),
    "AWS::EC2::Route": ("aws_route", "id", {}),
    "AWS::EC2::SubnetRouteTableAssociation": ("aws_route_table_association", "id", {}),
    "AWS::EC2::EIP": ("aws_eip", "public_ip", {"AllocationId": "id"}),
    "AWS::EC2::NatGateway": ("aws_nat_gateway", "id", {}),
    "AWS::EC2::SecurityGroup": ("aws_security_group", "id", {"GroupId": "id"}),
    "AWS::EC2::SecurityGroupIngress": ("aws_vpc_security_group_ingress_rule", "id", {}),
    "AWS::EC2::VPCEndpoint": ("aws_vpc_endpoint", "id", {}),
    "AWS::IAM::Role": ("aws_iam_role", "name", {"Arn": "arn"}),
    "AWS::IAM::InstanceProfile": ("aws_iam_instance_profile", "name", {"Arn": "arn"}),
    "AWS::IAM::Policy": ("aws_iam_role_policy", "id", {}),
    "AWS::EC2::Instance": ("aws_instance", "id", {}),
    "AWS::EC2::LaunchTemplate": ("aws_launch_template", "id", {"LatestVersionNumber": "latest_version"}),
    "AWS::AutoScaling::AutoScalingGroup": ("aws_autoscaling_group", "name", {}),
    "AWS::AutoScaling::ScalingPolicy": ("aws_autoscaling_policy", "arn", {}),
    "AWS::EC2::FlowLog": ("aws_flow_log", "id", {}),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": (
        "aws_lb",
        "arn",
        {"DNSName": "dns_name", "CanonicalHostedZoneID": "zone_id"},
    ),
    "AWS::ElasticLoadBalancingV2::TargetGroup": ("aws_lb_target_group", "arn", {}),
    "AWS::ElasticLoadBalancingV2::Listener": ("aws_lb_listener", "arn", {}),
    "AWS::RDS::DBSubnetGroup": ("aws_db_subnet_group", "name", {}),
    "AWS::RDS::DBParameterGroup": ("aws_db_parameter_group", "name", {}),
    "AWS::RDS::DBClusterParameterGroup": ("aws_rds_cluster_parameter_group", "name", {}),
    "AWS::Redshift::ClusterParameterGroup": ("aws_redshift_parameter_group", "name", {}),
    "AWS::Glue::SecurityConfiguration": ("aws_glue_security_configuration", "name", {}),
    "AWS::RDS::DBInstance": ("aws_db_instance", "identifier", {"Endpoint.Address": "address"}),
    "AWS::S3::Bucket": (
        "aws_s3_bucket",
        "id",
        {"Arn": "arn", "RegionalDomainName": "bucket_regional_domain_name"},
    ),
    "AWS::S3::BucketPolicy": ("aws_s3_bucket_policy", "id", {}),
    "AWS::DynamoDB::Table": ("aws_dynamodb_table", "name", {"Arn": "arn", "StreamArn": "stream_arn"}),
    "AWS::DynamoDB::GlobalTable": ("aws_dynamodb_table", "name", {"Arn": "arn", "StreamArn": "stream_arn"}),
    "AWS::SQS::Queue": ("aws_sqs_queue", "url", {"Arn": "arn", "QueueName": "name"}),
    "AWS::SNS::Topic": ("aws_sns_topic", "arn", {}),
    "AWS::Kinesis::Stream": ("aws_kinesis_stream", "name", {"Arn": "arn"}),
    "AWS::Lambda::Function": ("aws_lambda_function", "function_name", {"Arn": "arn"}),
    "AWS::Lambda::EventSourceMapping": ("aws_lambda_event_source_mapping", "id", {}),
    "AWS::Lambda::Permission": ("aws_lambda_permission", "id", {}),
    "AWS::ApiGateway::RestApi": ("aws_api_gateway_rest_api", "id", {"RootResourceId": "root_resource_id"}),
    "AWS::CertificateManager::Certificate": ("aws_acm_certificate", "arn", {}),
    "AWS::Route53::HostedZone": ("aws_route53_zone", "zone_id", {}),
    "AWS::Route53::RecordSet": ("aws_route53_record", "fqdn", {}),
    "AWS::CloudFront::OriginAccessControl": ("aws_cloudfront_origin_access_control", "id", {"Id": "id"}),
    "AWS::CloudFront::Distribution": ("aws_cloudfront_distribution", "id", {"DomainName": "domain_name"}),
    "AWS::CloudFront::CachePolicy": ("aws_cloudfront_cache_policy", "id", {"Id": "id"}),
    "AWS::CloudTrail::Trail": ("aws_cloudtrail", "name", {}),
    "AWS::KMS::Key": ("aws_kms_key", "key_id", {"Arn": "arn"}),
    "AWS::SecretsManager::Secret": ("aws_secretsmanager_secret", "arn", {}),
    "AWS::SecretsManager::RotationSchedule": ("aws_secretsmanager_secret_rotation", "id", {}),
    "AWS::Logs::LogGroup": ("aws_cloudwatch_log_group", "name", {"Arn": "arn"}),
    "AWS::CloudWatch::Alarm": ("aws_cloudwatch_metric_alarm", "alarm_name", {}),
    "AWS::ECR::Repository": ("aws_ecr_repository", "name", {"Arn": "arn"}),
    "AWS::ECS::Cluster": ("aws_ecs_cluster", "arn", {}),
    "AWS::ECS::TaskDefinition": ("aws_ecs_task_definition", "arn", {}),
    "AWS::ECS::Service": ("aws_ecs_service", "id", {}),
    "AWS::ECS::CapacityProvider": ("aws_ecs_capacity_provider", "name", {"Arn": "arn"}),
    "AWS::ECS::ClusterCapacityProviderAssociations": ("aws_ecs_cluster_capacity_providers", "id", {}),
    "AWS::ElastiCache::SubnetGroup": ("aws_elasticache_subnet_group", "name", {}),
    "AWS::ElastiCache::ReplicationGroup": ("aws_elasticache_replication_group", "id", {}),
    "AWS::ElastiCache::CacheCluster": ("aws_elasticache_cluster", "id", {}),
    "AWS::KinesisFirehose::DeliveryStream": ("aws_kinesis_firehose_delivery_stream", "name", {"Arn": "arn"}),
    "AWS::Glue::Database": ("aws_glue_catalog_database", "name", {}),
    "AWS::Glue::Crawler": ("aws_glue_crawler", "name", {}),
    "AWS::Athena::WorkGroup": ("aws_athena_workgroup", "name", {}),
    # Stores (stores.py)
    "AWS::RDS::DBCluster": (
        "aws_rds_cluster",
        "id",
        {"Endpoint.Address": "endpoint", "ReadEndpoint.Address": "reader_endpoint", "DBClusterArn": "arn"},
    ),
    "AWS::Redshift::Cluster": ("aws_redshift_cluster", "id", {"Endpoint.Address": "dns_name"}),
    "AWS::Redshift::ClusterSubnetGroup": ("aws_redshift_subnet_group", "name", {}),
    "AWS::OpenSearchService::Domain": (
        "aws_opensearch_domain",
        "domain_name",
        {"DomainEndpoint": "endpoint", "DomainArn": "arn"},
    ),
    "AWS::EFS::FileSystem": ("aws_efs_file_system", "id", {}),
    "AWS::EFS::MountTarget": ("aws_efs_mount_target", "id", {}),
    "AWS::EC2::Volume": ("aws_ebs_volume", "id", {}),
    "AWS::EC2::VolumeAttachment": ("aws_volume_attachment", "id", {}),
    "AWS::Backup::BackupVault": ("aws_backup_vault", "name", {"BackupVaultArn": "arn"}),
    "AWS::Backup::BackupPlan": ("aws_backup_plan", "id", {"BackupPlanArn": "arn"}),
    "AWS::Backup::BackupSelection": ("aws_backup_selection", "id", {}),
    # Integration and identity (integration.py)
    "AWS::Events::EventBus": ("aws_cloudwatch_event_bus", "name", {}),
    "AWS::Events::Rule": ("aws_cloudwatch_event_rule", "name", {}),
    "AWS::StepFunctions::StateMachine": ("aws_sfn_state_machine", "arn", {}),
    "AWS::SSM::Parameter": ("aws_ssm_parameter", "name", {}),
    "AWS::Cognito::UserPool": ("aws_cognito_user_pool", "id", {}),
    "AWS::Cognito::UserPoolClient": ("aws_cognito_user_pool_client", "id", {}),
    "AWS::ApiGatewayV2::Api": ("aws_apigatewayv2_api", "id", {}),
    "AWS::ApiGatewayV2::Integration": ("aws_apigatewayv2_integration", "id", {}),
    "AWS::ApiGatewayV2::Route": ("aws_apigatewayv2_route", "id", {}),
    "AWS::ApiGatewayV2::Stage": ("aws_apigatewayv2_stage", "id", {}),
    "AWS::ApiGateway::Resource": ("aws_api_gateway_resource", "id", {}),
    "AWS::ApiGateway::Authorizer": ("aws_api_gateway_authorizer", "id", {}),
    "AWS::SQS::QueuePolicy": ("aws_sqs_queue_policy", "id", {}),
    "AWS::SNS::TopicPolicy": ("aws_sns_topic_policy", "id", {}),
    "AWS::SNS::Subscription": ("aws_sns_topic_subscription", "arn", {}),
    # Platform services (services.py)
    "AWS::EKS::Cluster": (
        "aws_eks_cluster",
        "name",
        {"ClusterSecurityGroupId": "vpc_config[0].cluster_security_group_id"},
    ),
    "AWS::MSK::Cluster": ("aws_msk_cluster", "arn", {}),
    "AWS::DAX::Cluster": (
        "aws_dax_cluster",
        "cluster_name",
        {"ClusterDiscoveryEndpoint": "configuration_endpoint"},
    ),
    "AWS::DAX::SubnetGroup": ("aws_dax_subnet_group", "name", {}),
    "AWS::Glue::Job": ("aws_glue_job", "name", {}),
    "AWS::CodeBuild::Project": ("aws_codebuild_project", "name", {}),
    "AWS::Route53::HealthCheck": ("aws_route53_health_check", "id", {"HealthCheckId": "id"}),
    "AWS::SES::EmailIdentity": ("aws_sesv2_email_identity", "email_identity", {}),
    "AWS::ElasticLoadBalancing::LoadBalancer": (
        "aws_elb",
        "name",
        {"DNSName": "dns_name", "CanonicalHostedZoneNameID": "zone_id"},
    ),
    "AWS::WAFv2::WebACL": ("aws_wafv2_web_acl", "id", {}),
    "AWS::WAFv2::WebACLAssociation": ("aws_wafv2_web_acl_association", "id", {}),
}

TYPES.update(SERVICE_TYPES)
# The Terraform type of each CloudFormation type, but for those whose properties choose it (terraform_type).
_PLAIN_TYPES = {kind: types[0] for kind, types in TYPES.items()}
_TYPED_BY_PROPERTIES = {"AWS::RDS::DBInstance", "AWS::FSx::FileSystem"}


def terraform_type(body: dict[str, Any]) -> str:
    """The Terraform type of one CloudFormation resource ("" when there is none). An Aurora member is an
    `AWS::RDS::DBInstance` naming its cluster; Terraform has a resource type of its own for it."""
    kind = body["Type"]
    if kind == "AWS::RDS::DBInstance" and "DBClusterIdentifier" in (body.get("Properties") or {}):
        return "aws_rds_cluster_instance"
    if kind == "AWS::FSx::FileSystem":
        return FSX_TYPES.get(str((body.get("Properties") or {}).get("FileSystemType")), TYPES[kind][0])
    return TYPES[kind][0] if kind in TYPES else ""


PSEUDO = {
    "AWS::Region": "data.aws_region.current.name",
    "AWS::AccountId": "data.aws_caller_identity.current.account_id",
    "AWS::Partition": "data.aws_partition.current.partition",
    "AWS::StackName": "var.name",
    "AWS::URLSuffix": "data.aws_partition.current.dns_suffix",
}


class Converter_:
    def __init__(self, template: dict[str, Any]) -> None:
        self.template = template
        # Tags the provider's default_tags put on every resource: a resource's own copy of one is left out.
        self.default_tags: dict[str, str] = {}
        # Conditions and mappings the converted values read, written as locals (conditions.py).
        self.used_conditions: set[str] = set()
        self.used_mappings: set[str] = set()
        self.resources: dict[str, dict[str, Any]] = template["Resources"]
        self.names: dict[str, tuple[str, str]] = {}
        # How many references to a role were written: what waits for a role's policies is only looked for in
        # the blocks of a resource whose conversion wrote one (ordering.py).
        self.role_references = 0
        # The zips of the functions' inline code, by file name, as the functions' conversion names them.
        self.packages: dict[str, bytes] = {}
        # Ref and GetAtt targets -> (expression, whether it refers to a role): see _reference.
        self._references: dict[Any, tuple[Expr, bool]] = {}
        # Fn::Sub texts -> their interpolation, likewise: many repeat (a managed policy's ARN in every role).
        self._substituted: dict[str, tuple[Expr, bool]] = {}
        # CloudFormation type -> its resources' logical ids, in template order: the passes that look for the
        # resources of one type read them here instead of walking every resource again.
        self.of_type: dict[str, list[str]] = {}
        names, taken, of_type = self.names, set(), self.of_type
        for logical, body in self.resources.items():
            kind = body["Type"]
            if kind in of_type:
                of_type[kind].append(logical)
            else:
                of_type[kind] = [logical]
            tf_type = terraform_type(body) if kind in _TYPED_BY_PROPERTIES else _PLAIN_TYPES.get(kind, "")
            named = (tf_type, snake(logical))
            number = 2
            while named in taken:
                named, number = (tf_type, f"{snake(logical)}_{number}"), number + 1
            taken.add(named)
            names[logical] = named
        parameters = template.get("Parameters") or {}
        # SSM-typed parameters hold a parameter path; Terraform reads the value through a data source.
        self.ssm_parameters = {
            name for name, spec in parameters.items() if str(spec["Type"]).startswith("AWS::SSM::")
        }

    def address(self, logical: str) -> str:
        """The Terraform address of a resource; every reference to one is made here."""
        tf_type, name = self.names[logical]
        if tf_type == "aws_iam_role":
            self.role_references += 1
        return f"{tf_type}.{name}"

    def expr(self, item: Any) -> Any:
        """CloudFormation values to HCL values: intrinsics become references and interpolations."""
        kind = type(item)
        if kind is str:  # most values, and the quickest way out
            return item
        expr = self.expr
        if kind is dict or (kind is not list and isinstance(item, dict)):
            if len(item) == 1 and "Ref" in item:
                # The most common intrinsic (a large export writes 100,000), most of them worked out already.
                target = item["Ref"]
                found = self._references.get(target)
                if found is not None:
                    if found[1]:
                        self.role_references += 1
                    return found[0]
                return self._reference(target)
            converted = self._intrinsic(item) if len(item) == 1 else None
            if converted is not None:
                return converted
            # An intrinsic not converted above would be written as a literal map that Terraform refuses
            # (or, worse, accepts as a string map): fail the export by name instead.
            unconverted = [key for key in item if key == "Ref" or key.startswith("Fn::")]
            if unconverted:
                raise ValueError(f"no Terraform form for {unconverted[0]}: {json.dumps(item)[:120]}")
            return {key: value if type(value) is str else expr(value) for key, value in item.items()}
        if kind is list or isinstance(item, list):
            return [value if type(value) is str else expr(value) for value in item]
        return item

    def _intrinsic(self, item: dict[str, Any]) -> Expr | Conditional | None:
        """The reference or expression a one-key mapping stands for, if it is an intrinsic Terraform has."""
        ((key, argument),) = item.items()
        if key == "Ref":
            return self._reference(argument)
        if key == "Fn::GetAtt":
            return self._reference(tuple(argument))
        if key == "Fn::Sub":
            return self._substitution(argument) if type(argument) is str else Expr(self._sub(argument))
        if key == "Fn::Join" and isinstance(argument[1], list | dict):
            separator, parts = argument
            if isinstance(parts, list) and all(isinstance(p, str | dict) for p in parts):
                # Strings and references joined: one interpolated string, as Terraform writes it.
                return Expr(self._joined(separator, parts))
            return Expr(f"join({json.dumps(separator)}, {value(self.expr(parts), 0)})")
        if key == "Fn::Select":
            index, source = argument
            if source == {"Fn::GetAZs": ""}:
                return Expr(f"data.aws_availability_zones.available.names[{index}]")
            if isinstance(source, dict) and set(source) == {"Ref"}:
                # An item of a list parameter (the subnets of an existing network).
                return Expr(f"{self._ref(source['Ref'])}[{int(index)}]")
            if isinstance(source, dict) and set(source) == {"Fn::Split"}:
                # A part of an ARN (the halves around an MSK cluster's `:cluster/`, cluster_grants.py).
                separator, text = source["Fn::Split"]
                return Expr(f"split({json.dumps(separator)}, {value(self.expr(text), 0)})[{int(index)}]")
        if key == "Fn::If":
            condition, given, otherwise = argument
            return Conditional(self.condition(condition).text, self.expr(given), self.expr(otherwise))
        if key == "Fn::FindInMap":
            return self._found_in_map(*argument)
        return None

    def _found_in_map(self, mapping: str, key: Any, name: Any) -> Expr:
        if mapping not in (self.template.get("Mappings") or {}):
            raise ValueError(f"Fn::FindInMap of {mapping!r}, which is not a mapping of the template")
        self.used_mappings.add(mapping)
        return Expr(f"local.{snake(mapping)}[{value(self.expr(key), 0)}][{value(self.expr(name), 0)}]")

    def _joined(self, separator: str, parts: list[Any]) -> str:
        # Adjacent literal text is escaped as one, so that no `$` and `{` of two pieces make a template.
        items: list[Any] = []
        for index, part in enumerate(parts):
            for piece in ([separator] if index and separator else []) + [part]:
                if isinstance(piece, str) and items and isinstance(items[-1], str):
                    items[-1] += piece
                else:
                    items.append(piece)
        text = "".join(
            literal(item, before_template=index + 1 < len(items))
            if isinstance(item, str)
            else "${" + value(self.expr(item), 0) + "}"
            for index, item in enumerate(items)
        )
        return f'"{text}"'

    def condition(self, name: str) -> Expr:
        """A condition of the template, as the local it is written to (conditions.py)."""
        if name not in (self.template.get("Conditions") or {}):
            raise ValueError(f"condition {name!r} is not a condition of the template")
        self.used_conditions.add(name)
        return Expr(f"local.{snake(name)}")

    def json_expr(self, item: Any) -> Call:
        """A policy document: jsonencode() of the converted structure."""
        return Call("jsonencode", self.expr(item))

    def _reference(self, target: str | tuple[str, ...]) -> Expr:
        """A Ref (a name) or GetAtt (name and attribute) as its expression: each worked out once (a large export
        refers to each resource about twice), and counted again as a reference to a role where it is one."""
        found = self._references.get(target)
        if found is None:
            roles_before = self.role_references
            text = self._ref(target) if type(target) is str else self._get_att(*target)
            found = self._references[target] = (Expr(text), self.role_references != roles_before)
        elif found[1]:
            self.role_references += 1
        return found[0]

    def _substitution(self, text: str) -> Expr:
        """Fn::Sub of a text as its interpolation, worked out once per text, counted as _reference counts."""
        found = self._substituted.get(text)
        if found is None:
            roles_before = self.role_references
            found = self._substituted[text] = (Expr(self._sub(text)), self.role_references != roles_before)
        elif found[1]:
            self.role_references += 1
        return found[0]

    def _ref(self, name: str) -> str:
        if name in PSEUDO:
            return PSEUDO[name]
        if name in self.ssm_parameters:
            return f"data.aws_ssm_parameter.{snake(name)}.value"
        if name in self.resources:
            kind = self.resources[name]["Type"]
            if kind == "AWS::CertificateManager::Certificate":
                # Users of a certificate wait until it is issued (certificates.py).
                return f"aws_acm_certificate_validation.{self.names[name][1]}.certificate_arn"
            return f"{self.address(name)}.{TYPES[kind][1]}"
        return f"var.{snake(name)}"

    def _get_att(self, name: str, attribute: str) -> str:
        if name not in self.resources:
            raise ValueError(f"GetAtt of {name!r}, which is not a resource of the template")
        kind = self.resources[name]["Type"]
        mapped = TYPES[kind][2].get(attribute) or snake(attribute)
        return f"{self.address(name)}.{mapped}"

    def _sub(self, text: str) -> str:
        """Fn::Sub as an HCL template: ${Name} and ${Name.Attr} become interpolations, ${!Literal} the literal
        text ${Literal}, and everything else literal text (escaped, so it cannot open a template itself)."""
        parts, start = [], 0
        for match in re.finditer(r"\$\{([^}]*)\}", text):
            inner = match.group(1).strip()
            if inner.startswith("!"):
                continue  # stays in the literal text, without the "!"
            parts.append(literal(text[start : match.start()].replace("${!", "${"), before_template=True))
            if "." in inner and not inner.startswith("AWS::"):
                parts.append("${" + self._get_att(*inner.split(".", 1)) + "}")
            elif self.resources.get(inner, {}).get("Type") in NAMED_IN_TEXT:
                parts.append(
                    "${" + f"{self.address(inner)}.{NAMED_IN_TEXT[self.resources[inner]['Type']]}" + "}"
                )
            else:
                parts.append("${" + self._ref(inner) + "}")
            start = match.end()
        parts.append(literal(text[start:].replace("${!", "${")))
        return '"' + "".join(parts) + '"'
