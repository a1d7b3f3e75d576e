"""Turns a CloudFormation template into an editable design: containment inferred from VPC/subnet references,
connections from Ref/GetAtt and security group rules, unknown resources kept as generic nodes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.catalog import (
    ParentKind,
    Placement,
    ServiceType,
    check_property_value,
)
from archbuilder.importers.cfn_yaml import TemplateError, load_template
from archbuilder.importers.connections import ConnectionInference
from archbuilder.importers.listeners import listener_properties
from archbuilder.importers.network import NetworkInference
from archbuilder.importers.references import refs as _refs
from archbuilder.importers.references import rename_refs
from archbuilder.importers.report import ImportReport
from archbuilder.model import (
    Architecture,
    InvariantError,
    SubnetNode,
    TemplateSections,
)
from archbuilder.model.containment import parent_kind_of
from archbuilder.model.layout import auto_layout
from archbuilder.model.naming import pascal


def cloudformation_writes(service_type: str) -> bool:
    """Whether the CloudFormation exporter can write a service type (imported lazily: it is a large module).
    A security group node is not written: the exporter derives one group per service instead."""
    from archbuilder.exporters.cloudformation.template import NETWORK_TYPES, RENDERERS

    return service_type in RENDERERS or (service_type in NETWORK_TYPES and service_type != "security_group")


# Expressed by containment or connections in the model rather than as nodes of their own.
FOLDED = {
    "AWS::EC2::VPCGatewayAttachment",
    "AWS::EC2::RouteTable",
    "AWS::EC2::Route",
    "AWS::EC2::SubnetRouteTableAssociation",
    "AWS::RDS::DBSubnetGroup",
    "AWS::ElastiCache::SubnetGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::Lambda::Permission",
    "AWS::Lambda::EventSourceMapping",
    "AWS::ElasticLoadBalancingV2::TargetGroup",
    "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule",
    "AWS::IAM::Policy",
    "AWS::IAM::InstanceProfile",
    "AWS::AutoScaling::LaunchConfiguration",
    "AWS::EC2::LaunchTemplate",
    "AWS::S3::BucketPolicy",
    "AWS::SQS::QueuePolicy",
    "AWS::SNS::TopicPolicy",
    "AWS::SNS::Subscription",
    "AWS::EC2::SubnetNetworkAclAssociation",
    "AWS::EC2::NetworkAclEntry",
    "AWS::EC2::VPCDHCPOptionsAssociation",
    "AWS::ApiGateway::Deployment",
    "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::Method",
    "AWS::ApiGateway::Resource",
    "AWS::ECS::TaskDefinition",
    "AWS::Route53::RecordSet",
    "AWS::CloudFront::OriginAccessControl",
    "AWS::EC2::EIPAssociation",
    # Terraform splits some resources' settings into resources of their own; they belong to their owner.
    "Terraform::aws_s3_bucket_versioning",
    "Terraform::aws_s3_bucket_public_access_block",
    "Terraform::aws_s3_bucket_server_side_encryption_configuration",
    "Terraform::aws_api_gateway_integration",
    "Terraform::aws_api_gateway_stage",
    "Terraform::aws_lb_target_group_attachment",
    "Terraform::aws_ecs_task_definition",
}
# Properties (at any depth) whose references name a resource's own companions: security groups, roles,
# instance profiles, launch templates, addresses, dead-letter queues, trail buckets, crawler databases, and the
# parameter groups, cache policies and security configurations the export writes for one service.
COMPANION_KEYS = frozenset(
    {
        "SecurityGroups",
        "SecurityGroupIds",
        "VpcSecurityGroupIds",
        "VPCSecurityGroups",
        "GroupSet",
        "Role",
        "RoleArn",
        "RoleARN",
        "TaskRoleArn",
        "ExecutionRoleArn",
        "IamInstanceProfile",
        "S3BucketName",
        "LaunchTemplate",
        "LaunchConfigurationName",
        "TaskDefinition",
        "AllocationId",
        "RedrivePolicy",
        "DatabaseName",
        "DBParameterGroupName",
        "DBClusterParameterGroupName",
        "ClusterParameterGroupName",
        "SecurityConfiguration",
        "CachePolicyId",
    }
)
SUBNET_KEYS = ("SubnetId", "SubnetIds", "Subnets", "VPCZoneIdentifier")
PROPERTY_MAP = {
    "MultiAZ": "multi_az",
    "BackupRetentionPeriod": "backup_retention_days",
    "StorageEncrypted": "encrypted",
    "Engine": "engine",
    "EngineVersion": "engine_version",
    "DBInstanceClass": "instance_class",
    "AllocatedStorage": "allocated_storage_gb",
    "PubliclyAccessible": "publicly_accessible",
    "DeletionProtection": "deletion_protection",
    "StorageType": "storage_type",
    "InstanceType": "instance_type",
    "KeyName": "key_name",
    "Timeout": "timeout_seconds",
    "MemorySize": "memory_mb",
    "Runtime": "runtime",
    "Handler": "handler",
    "VisibilityTimeout": "visibility_timeout_seconds",
    "FifoQueue": "fifo",
    "MessageRetentionPeriod": "message_retention_seconds",
    "MaximumMessageSize": "max_message_size_bytes",
    "ShardCount": "shard_count",
    "RetentionPeriodHours": "retention_hours",
    "BillingMode": "billing_mode",
    "MinSize": "min_size",
    "MaxSize": "max_size",
    "DesiredCapacity": "desired_capacity",
    "CacheNodeType": "node_type",
    "NumCacheNodes": "num_nodes",
    "BucketName": "bucket_name",
    "DomainName": "domain_name",
    "Name": "domain_name",
}


def _keyed_refs(value: Any, keys: frozenset[str]) -> list[str]:
    """References found under any of `keys`, at any depth of `value`."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _refs(item) if key in keys else _keyed_refs(item, keys)
    elif isinstance(value, list):
        for item in value:
            found += _keyed_refs(item, keys)
    return found


def _replica_regions(props: dict[str, Any], own: str) -> list[str]:
    """The regions other than the stack's that a global table is replicated to (its Replicas; the Terraform
    import gives a table's replica blocks that shape); the stack's own replica names `AWS::Region` or the
    design's region."""
    regions = [r.get("Region") for r in props.get("Replicas") or [] if isinstance(r, dict)]
    return sorted({r for r in regions if isinstance(r, str) and r and r != own})


class _Importer(NetworkInference, ConnectionInference):
    """Reads one template into a design: network first, then companions, services, connections, sections."""

    def _companions(self) -> dict[str, str]:
        """Security groups, roles and trail buckets that belong to exactly one service: the model derives those
        (one group and one role per service), so they fold into their owner. Returns companion -> owner."""
        users: dict[str, set[str]] = {}
        for logical in self.resources:
            # At any depth: ECS services name their groups under AwsvpcConfiguration, Firehose its role
            # under the destination, launch templates under LaunchTemplateData.
            for ref in _keyed_refs(self._props(logical), COMPANION_KEYS):
                users.setdefault(ref, set()).add(logical)
        for profile in [name for name in self.resources if self._type(name) == "AWS::IAM::InstanceProfile"]:
            for role in _refs(self._props(profile).get("Roles")):
                users.setdefault(role, set()).update(users.get(profile, set()))

        def final_users(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
            # A launch template or instance profile passes its role and groups on to whoever uses it.
            result: set[str] = set()
            for user in users.get(name, set()):
                if user in seen:
                    continue
                if self._type(user) in FOLDED:
                    result |= final_users(user, seen | {name})
                else:
                    result.add(user)
            return result

        owners: dict[str, str] = {}
        # companion type -> the owner types it may fold into (None: any)
        foldable: dict[str, set[str] | None] = {
            "AWS::EC2::SecurityGroup": None,
            "AWS::IAM::Role": None,
            "AWS::S3::Bucket": {"AWS::CloudTrail::Trail"},
            "AWS::EC2::EIP": {"AWS::EC2::NatGateway"},
            "AWS::SQS::Queue": {"AWS::SQS::Queue"},
            "AWS::Glue::Database": {"AWS::Glue::Crawler"},
            # Settings the export writes as resources of a service's own (its properties say them again).
            "AWS::RDS::DBParameterGroup": {"AWS::RDS::DBInstance"},
            "AWS::RDS::DBClusterParameterGroup": {"AWS::RDS::DBCluster"},
            "AWS::Redshift::ClusterParameterGroup": {"AWS::Redshift::Cluster"},
            "AWS::Glue::SecurityConfiguration": {"AWS::Glue::Job"},
            "AWS::CloudFront::CachePolicy": {"AWS::CloudFront::Distribution"},
        }
        for companion in users:
            kind = self._type(companion)
            direct = final_users(companion)
            if kind not in foldable or len(direct) != 1:
                continue
            owner = next(iter(direct))
            allowed = foldable[kind]
            if allowed is not None and self._type(owner) not in allowed:
                continue
            owners[companion] = owner
        return owners

    def run(self) -> Architecture:
        self._network()
        self.owners = self._companions()
        for logical in self.resources:
            if logical in self.nodes:
                continue
            kind = self._type(logical)
            if logical in self.owners:
                self.report.folded.append((logical, kind))
                continue
            if kind in FOLDED:
                self.report.folded.append((logical, kind))
                continue
            self._service(logical, kind)
        self._unfold()
        self._connections()
        renames = self._export_names()
        for _logical, _kind, node_id in self.report.generic:
            raw = self.arch.service(node_id).properties.get("raw_properties")
            self.arch.set_property(node_id, "raw_properties", rename_refs(raw, renames))
        outputs = self.template.get("Outputs")
        kept = (
            {name: body for name, body in outputs.items() if name not in self.dropped_outputs}
            if isinstance(outputs, dict)
            else {}
        )
        sections = {
            key: rename_refs(kept if name == "Outputs" else self.template.get(name) or {}, renames)
            for key, name in (
                ("parameters", "Parameters"),
                ("mappings", "Mappings"),
                ("conditions", "Conditions"),
                ("outputs", "Outputs"),
            )
        }
        self.arch.set_template_sections(TemplateSections(**sections))
        auto_layout(self.arch)
        return self.arch

    def _unfold(self) -> None:
        """Text written back verbatim (generic resources' properties, Outputs) must not point at something the
        export no longer has. A folded companion (a security group, role, bucket, address or queue of its own)
        that such text refers to becomes a node again; so does a folded helper that a generic resource refers
        to or that refers to one (a listener of an unknown load balancer); both repeat until nothing changes.
        An Output that refers to a folded helper (a listener, route table...) is dropped with a warning: the
        export writes its own helpers under its own names."""
        outputs = self.template.get("Outputs")
        outputs = outputs if isinstance(outputs, dict) else {}
        while True:
            generic = {logical for logical, _kind, _node in self.report.generic}
            from_generic = {ref for logical in generic for ref in _refs(self._props(logical))}
            from_outputs = set(_refs(outputs))
            unfold = [
                (logical, kind)
                for logical, kind in self.report.folded
                if logical in from_generic
                or (logical in from_outputs and kind not in FOLDED)
                or generic & set(_refs(self._props(logical)))
            ]
            if not unfold:
                break
            for logical, kind in unfold:
                self.report.folded.remove((logical, kind))
                self.owners.pop(logical, None)
                if kind in FOLDED:
                    self._generic(logical, kind, "a generic resource refers to it or it refers to one")
                else:
                    self._service(logical, kind)
                    self.report.warnings.append(
                        f"{logical}: not folded, because Outputs or a generic resource refer to it"
                    )
        folded = {logical for logical, _kind in self.report.folded}
        self.dropped_outputs = sorted(name for name, body in outputs.items() if folded & set(_refs(body)))
        for name in self.dropped_outputs:
            gone = ", ".join(sorted(folded & set(_refs(outputs[name]))))
            self.report.warnings.append(
                f"Output {name}: dropped, it refers to {gone}, folded into the design"
            )

    def _export_names(self) -> dict[str, str]:
        """Logical id -> the name the CloudFormation exporter gives its node: the label in PascalCase."""
        return {logical: pascal(logical) for logical in self.nodes if pascal(logical) != logical}

    # ------------------------------------------------------------------ services

    def _service_type(self, logical: str, kind: str) -> ServiceType | None:
        props = self._props(logical)
        if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer" and props.get("Type") == "network":
            return self.catalog.get("nlb")
        if kind == "AWS::EC2::VPCEndpoint" and props.get("VpcEndpointType") == "Interface":
            return self.catalog.get("vpc_endpoint_interface")
        return self.catalog.by_cfn_type(kind)

    def _subnets(self, logical: str) -> list[str]:
        props = self._props(logical)
        candidates: list[Any] = [props.get(key) for key in SUBNET_KEYS]
        candidates.append(
            (props.get("VpcConfig") or {}).get("SubnetIds")
            if isinstance(props.get("VpcConfig"), dict)
            else None
        )
        network = props.get("NetworkConfiguration")
        if isinstance(network, dict) and isinstance(network.get("AwsvpcConfiguration"), dict):
            candidates.append(network["AwsvpcConfiguration"].get("Subnets"))
        for interface in props.get("NetworkInterfaces") or []:
            if isinstance(interface, dict):
                candidates.append(interface.get("SubnetId"))
        for group_key in ("DBSubnetGroupName", "CacheSubnetGroupName"):
            group = self._ref_of(props.get(group_key))
            if group is not None:
                candidates.append(self._props(group).get("SubnetIds"))
        subnets: list[str] = []
        for candidate in candidates:
            for ref in _refs(candidate):
                if (
                    ref in self.nodes
                    and isinstance(self.arch.nodes.get(self.nodes[ref]), SubnetNode)
                    and self.nodes[ref] not in subnets
                ):
                    subnets.append(self.nodes[ref])
        return subnets

    def _service(self, logical: str, kind: str) -> None:
        service = self._service_type(logical, kind)
        if service is None or service.id == "generic":
            self._generic(logical, kind, "the catalog has no entry for this type")
            return
        if self.writable is not None and not self.writable(service.id):
            self._generic(logical, kind, f"the CloudFormation exporter cannot write {service.short_name} yet")
            return
        properties = self._properties(logical, service)
        node_id = self.arch.new_id(logical)
        parent, extras = self._placement(logical, service)
        if parent == "":
            self._generic(logical, kind, f"{service.short_name} needs a subnet the template does not give")
            return
        try:
            self.arch.add_service(
                service.id,
                parent,
                label=logical,
                node_id=node_id,
                properties=properties,
                extra_subnet_ids=extras,
            )
        except InvariantError as exc:
            self._generic(logical, kind, str(exc))
            return
        self.nodes[logical] = node_id
        self.report.mapped.append((logical, kind, node_id))

    def _placement(self, logical: str, service: ServiceType) -> tuple[str | None, list[str]]:
        allowed = set(service.allowed_parents)
        if service.placement in (Placement.GLOBAL,):
            return None, []
        if service.placement is Placement.VPC:
            props = self._props(logical)
            vpc = self._ref_of(props.get("VpcId"))
            if vpc is None and service.id == "internet_gateway":
                vpc = next(
                    (
                        self._ref_of(self._props(name).get("VpcId"))
                        for name in self.resources
                        if self._type(name) == "AWS::EC2::VPCGatewayAttachment"
                        and self._ref_of(self._props(name).get("InternetGatewayId")) == logical
                    ),
                    None,
                )
            return (self.nodes[vpc], []) if vpc in self.nodes else ("", [])
        subnets = [s for s in self._subnets(logical) if parent_kind_of(self.arch.node(s)) in allowed]
        if service.placement in (Placement.SUBNET, Placement.MULTI_SUBNET):
            if not subnets:
                return "", []
            return subnets[0], subnets[1:] if service.spans_subnets else []
        if service.placement is Placement.REGIONAL_VPC_OPTIONAL and subnets:
            return subnets[0], subnets[1:]
        return ("region" if ParentKind.REGION in allowed else None), []

    def _properties(self, logical: str, service: ServiceType) -> dict[str, Any]:
        values: dict[str, Any] = {}
        props = self._props(logical)
        for cfn_name, name in PROPERTY_MAP.items():
            spec = service.property_spec(name)
            if spec is None or cfn_name not in props:
                continue
            value = props[cfn_name]
            if spec.type.value == "integer" and isinstance(value, str) and value.isdigit():
                value = int(value)
            if isinstance(value, dict | list):
                continue  # an intrinsic: the design keeps the catalog default
            if isinstance(value, str) and check_property_value(spec, value) is not None:
                # CloudFormation accepts engine names in any case (MySQL); the catalog lists them in lower case.
                lowered = value.lower()
                value = lowered if check_property_value(spec, lowered) is None else value
            if check_property_value(spec, value) is None:
                values[name] = value
            else:
                self.report.warnings.append(
                    f"{logical}.{cfn_name}: {value!r} does not fit {service.short_name} › {name}; default kept"
                )
        if service.id == "s3_bucket":
            block = props.get("PublicAccessBlockConfiguration")
            values["public_access"] = not (
                isinstance(block, dict)
                and all(
                    block.get(k) is True
                    for k in (
                        "BlockPublicAcls",
                        "BlockPublicPolicy",
                        "IgnorePublicAcls",
                        "RestrictPublicBuckets",
                    )
                )
            )
            versioning = props.get("VersioningConfiguration")
            values["versioning"] = isinstance(versioning, dict) and versioning.get("Status") == "Enabled"
            values["encrypted"] = "BucketEncryption" in props
        interfaces = props.get("NetworkInterfaces")
        if service.property_spec("associate_public_ip") is not None and isinstance(interfaces, list):
            first = interfaces[0] if interfaces and isinstance(interfaces[0], dict) else {}
            if isinstance(first.get("AssociatePublicIpAddress"), bool):
                values["associate_public_ip"] = first["AssociatePublicIpAddress"]
        if service.id == "dynamodb_table":
            replicas = _replica_regions(props, self.arch.metadata.default_region)
            if replicas:
                values["replica_regions"] = replicas
                # The stream a global table replicates through is part of it.
                stream = props.get("StreamSpecification")
                view = stream.get("StreamViewType") if isinstance(stream, dict) else None
                spec = service.property_spec("stream")
                if spec is not None and isinstance(view, str) and check_property_value(spec, view) is None:
                    values["stream"] = view
        if service.id in ("alb", "nlb") and "Scheme" in props:
            values["internet_facing"] = props["Scheme"] != "internal"
        if service.id in ("alb", "nlb", "clb"):
            values.update(listener_properties(self.resources, logical, service))
        ingress = self._owned_ingress(logical)
        if ingress and service.property_spec("ingress") is not None:
            values["ingress"] = ingress
        return values

    def _owned_ingress(self, logical: str) -> list[dict[str, Any]]:
        """CIDR rules of the security groups this service owns become its explicit ingress rules."""
        rules = []
        for group, owner in sorted(getattr(self, "owners", {}).items()):
            if owner != logical or self._type(group) != "AWS::EC2::SecurityGroup":
                continue
            for rule in self._props(group).get("SecurityGroupIngress") or []:
                if not isinstance(rule, dict) or not isinstance(rule.get("CidrIp"), str):
                    continue
                entry: dict[str, Any] = {
                    "protocol": str(rule.get("IpProtocol", "tcp")),
                    "cidr": rule["CidrIp"],
                }
                for key, name in (("FromPort", "from_port"), ("ToPort", "to_port")):
                    if isinstance(rule.get(key), int | str) and str(rule.get(key)).lstrip("-").isdigit():
                        entry[name] = int(rule[key])
                if isinstance(rule.get("Description"), str):
                    entry["description"] = rule["Description"]
                rules.append(entry)
        return rules

    def _generic(self, logical: str, kind: str, why: str) -> None:
        node_id = self.arch.new_id(logical)
        self.arch.add_service(
            "generic",
            "region",
            label=logical,
            node_id=node_id,
            properties={"resource_type": kind, "raw_properties": self._props(logical)},
        )
        self.nodes[logical] = node_id
        self.report.generic.append((logical, kind, node_id))
        if "no entry" not in why:
            self.report.warnings.append(f"{logical}: kept as a generic resource ({why})")
        dropped = sorted(set(self.resources[logical]) - {"Type", "Properties"})
        if dropped:
            # A generic node carries the type and properties only; say what the export will not repeat.
            self.report.warnings.append(f"{logical}: {', '.join(dropped)} not kept on the generic resource")


def import_template(path: Path) -> tuple[Architecture, ImportReport]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read: {exc.strerror}") from None
    template = load_template(raw, str(path))
    importer = _Importer(template, path.stem, writable=cloudformation_writes)
    return importer.run(), importer.report
