"""Properties a path cannot say: read from a resource's companions (listeners, methods, cluster members, record
sets), from JSON text, or by AWS rules that depend on several settings. Each reader is named by `reader:` in
resources/import/cloudformation.yaml and returns a Reading (importers/property_paths.py)."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.catalog import ServiceType
from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.intrinsics import UNKNOWN
from archbuilder.importers.listeners import listener_properties
from archbuilder.importers.network_readers import NetworkReaders
from archbuilder.importers.property_paths import MISSING, Reading, absent, interpret, walk
from archbuilder.importers.references import refs
from archbuilder.importers.scaling import PLACEHOLDER_HEADER, scaling_properties

# Managed cache policies a distribution names by id, with their default TTL.
MANAGED_CACHE_POLICIES = {
    "658327ea-f89d-4fab-a63d-7e88639e58f6": 86400,  # CachingOptimized
    "4135ea2d-6df8-44a3-9df3-4b5a84be39ad": 0,  # CachingDisabled
    "b2884449-e4de-46a7-ac36-70bc7f1ddd6d": 86400,  # CachingOptimizedForUncompressedObjects
}
# The words of the rules the export gives an internet-facing balancer that declares none
# (exporters/cloudformation/network.py), which read back as none declared.
OPEN_LISTENER = "listener open to the internet"
SET_IDENTIFIERS = (
    ("Weight", "weighted"),
    ("Region", "latency"),
    ("Failover", "failover"),
    ("GeoLocation", "geolocation"),
    ("MultiValueAnswer", "multivalue"),
)


def _opens_a_listener(rule: dict[str, Any]) -> bool:
    """A rule the export writes to open a balancer's listener to the internet (OPEN_LISTENER)."""
    return (
        rule.get("description") == OPEN_LISTENER
        and rule.get("cidr") == "0.0.0.0/0"
        and rule.get("protocol") == "tcp"
        and rule.get("from_port") == rule.get("to_port")
    )


class SpecialReaders(NetworkReaders):
    service: ServiceType

    def _users_of(self, logical: str, kind: str, key: str) -> list[str]:
        """Resources of `kind` whose `key` names `logical` (a cluster's members, an API's methods)."""
        return [name for name in self._naming(logical, kind) if logical in refs(self._props(name).get(key))]

    def _related(self, logical: str, kinds: tuple[str, ...]) -> list[str]:
        """Resources of `kinds` that `logical` names or that name it, and target groups through listeners."""
        forward = [r for r in self._refs_in(logical) if self._type(r) in kinds]
        backward = [n for n in self._referrers(logical) if self._type(n) in kinds]
        found = list(dict.fromkeys(forward + backward))
        if "AWS::ElasticLoadBalancingV2::TargetGroup" in kinds:
            for listener in self._users_of(
                logical, "AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn"
            ):
                found += [r for r in self._refs_in(listener) if self._type(r) in kinds and r not in found]
        return found

    # ---------------------------------------------------------------- load balancers

    def _read_listener(self, logical: str, name: str) -> Reading:
        values = listener_properties(self.resources, logical, self.service, self._referrers(logical))
        return Reading(values[name]) if name in values else Reading()

    def _read_listener_port(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        return self._read_listener(logical, "listener_port")

    def _read_listener_protocol(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        return self._read_listener(logical, "listener_protocol")

    def _read_redirect_http_to_https(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        return self._read_listener(logical, "redirect_http_to_https")

    def _read_ingress(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        rules = self._owned_ingress(logical)
        if self.service.id in ("alb", "nlb", "clb") and all(_opens_a_listener(rule) for rule in rules):
            # What the export gives an internet-facing balancer that declares no rules (its listeners open to
            # all): the design declared none, and the next export opens the listeners it has then.
            return Reading()
        return Reading(rules) if rules else Reading()

    def _owned_ingress(self, logical: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    # ---------------------------------------------------------------- API Gateway

    def _read_rest_stage_name(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        for kind, key in (
            ("AWS::ApiGateway::Stage", "StageName"),
            ("AWS::ApiGateway::Deployment", "StageName"),
        ):
            for name in self._users_of(logical, kind, "RestApiId"):
                value = self.resolver.value(self._props(name).get(key))
                if isinstance(value, str) and value:
                    return Reading(value)
        return Reading()

    def _read_user_data(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """An instance's script; the export's own placeholder server (written for an instance behind a load
        balancer that the design gives none, as for a scaling group's) reads as none, as the design had it."""
        script = walk(self._props(logical), str(entry["path"]), self.resolver)
        if isinstance(script, str) and script.startswith(PLACEHOLDER_HEADER):
            return Reading("")
        return interpret(script, entry, spec)

    def _read_rest_authorization(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """The weakest authorization of the API's methods (preflight OPTIONS methods aside)."""
        kinds = []
        for method in self._users_of(logical, "AWS::ApiGateway::Method", "RestApiId"):
            props = self._props(method)
            if str(self.resolver.value(props.get("HttpMethod"))).upper() == "OPTIONS":
                continue
            kind = self.resolver.value(props.get("AuthorizationType", "NONE"))
            kinds.append(str(kind).upper() if kind is not UNKNOWN else "NONE")
        if not kinds:
            return Reading()
        return interpret("NONE" if "NONE" in kinds else kinds[0], {}, spec)

    def _read_rest_throttling(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        for stage in self._users_of(logical, "AWS::ApiGateway::Stage", "RestApiId"):
            raw = walk(self._props(stage), "MethodSettings[*].ThrottlingRateLimit", self.resolver)
            if isinstance(raw, list) and raw:
                return interpret(raw[0], {}, spec)
        for deployment in self._users_of(logical, "AWS::ApiGateway::Deployment", "RestApiId"):
            for path in (
                "StageDescription.ThrottlingRateLimit",
                "StageDescription.MethodSettings[*].ThrottlingRateLimit",
            ):
                raw = walk(self._props(deployment), path, self.resolver)
                if raw not in (MISSING, []):
                    return interpret(raw[0] if isinstance(raw, list) else raw, {}, spec)
        return Reading(10000)  # the account's default steady-state rate per region

    # ---------------------------------------------------------------- databases

    def _members(self, logical: str) -> list[str]:
        return self._users_of(logical, "AWS::RDS::DBInstance", "DBClusterIdentifier")

    def _read_aurora_instance_class(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        members = self._members(logical)
        return (
            interpret(walk(self._props(members[0]), "DBInstanceClass", self.resolver), {}, spec)
            if members
            else Reading()
        )

    def _read_aurora_instance_count(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        members = self._members(logical)
        return Reading(len(members)) if members else Reading()

    def _read_aurora_publicly_accessible(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        members = self._members(logical)
        values = [self.resolver.value(self._props(m).get("PubliclyAccessible", False)) for m in members]
        return interpret(any(str(v).lower() == "true" for v in values), {}, spec) if members else Reading()

    def _read_rds_publicly_accessible(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        """AWS: without the setting, an instance with no subnet group is public (the default VPC), and one with a
        subnet group is public when its VPC has an internet gateway attached."""
        props = self._props(logical)
        if "PubliclyAccessible" in props:
            return interpret(walk(props, "PubliclyAccessible", self.resolver), {}, spec)
        if props.get("DBSubnetGroupName") is None:
            return Reading(True)
        group = self._ref_of(props.get("DBSubnetGroupName"))
        written = self._props(group).get("SubnetIds") if group else None
        subnets = [s for s in refs(written) if s in self.resources]
        if not subnets:
            # Subnets the template is given: public when their names or descriptions say so.
            placeholders = self._existing_subnets_named(written)
            return Reading(any(self.arch.node(s).tier.value == "public" for s in placeholders))  # type: ignore[union-attr]
        vpcs = {self._ref_of(self._props(s).get("VpcId")) for s in subnets}
        attached = {
            self._ref_of(self._props(name).get("VpcId"))
            for name in self.resources
            if self._type(name) == "AWS::EC2::VPCGatewayAttachment"
            and self._props(name).get("InternetGatewayId") is not None
        }
        return Reading(bool(vpcs & attached - {None}))

    def _existing_subnets_named(self, value: Any) -> list[str]:
        raise NotImplementedError

    def _read_key_type(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        name = walk(self._props(logical), f"KeySchema[KeyType={entry['path']}].AttributeName", self.resolver)
        if not isinstance(name, str):
            return Reading()
        kind = walk(
            self._props(logical), f"AttributeDefinitions[AttributeName={name}].AttributeType", self.resolver
        )
        return interpret(kind, {}, spec) if kind is not MISSING else Reading()

    def _read_ttl_attribute(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        ttl = walk(self._props(logical), "TimeToLiveSpecification", self.resolver)
        if not isinstance(ttl, dict) or str(ttl.get("Enabled")).lower() != "true":
            return Reading("")
        return interpret(ttl.get("AttributeName", ""), {}, spec)

    def _read_replica_regions(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        own = self.arch.metadata.default_region
        regions = [
            self.resolver.value(r.get("Region"))
            for r in self._props(logical).get("Replicas") or []
            if isinstance(r, dict)
        ]
        found = sorted({r for r in regions if isinstance(r, str) and r and r != own})
        return Reading(found) if found else Reading()

    def _read_table_setting(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """A table setting that a global table keeps per replica: read from the replica in the stack's own
        region (Region `AWS::Region` or the design's region), as AWS applies it there."""
        props = self._props(logical)
        if self._type(logical) != "AWS::DynamoDB::GlobalTable":
            return interpret(walk(props, entry["path"], self.resolver), entry, spec)
        own = self.arch.metadata.default_region
        for replica in props.get("Replicas") or []:
            if not isinstance(replica, dict):
                continue
            region = replica.get("Region")
            if region == {"Ref": "AWS::Region"} or self.resolver.value(region) == own:
                return interpret(walk(replica, entry["path"], self.resolver), entry, spec)
        return absent(entry, spec)

    def _read_cache_nodes(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        for path in ("NumCacheClusters", "NumCacheNodes"):
            raw = walk(self._props(logical), path, self.resolver)
            if raw is not MISSING:
                return interpret(raw, {}, spec)
        return Reading()

    # ---------------------------------------------------------------- compute and containers

    def _read_launch_setting(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """A setting of the launch template (or launch configuration) an instance or scaling group uses."""
        props = self._props(logical)
        launch = props.get("LaunchTemplate")
        template = self._ref_of(launch.get("LaunchTemplateId")) if isinstance(launch, dict) else None
        if template is not None:
            return interpret(
                walk(self._props(template), f"LaunchTemplateData.{entry['path']}", self.resolver), entry, spec
            )
        configuration = self._ref_of(props.get("LaunchConfigurationName"))
        if configuration is not None:
            return interpret(walk(self._props(configuration), entry["path"], self.resolver), entry, spec)
        return interpret(walk(props, entry["path"], self.resolver), entry, spec)

    def _read_scaling(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """A scaling group's CPU target and its own user data (importers/scaling.py)."""
        values = scaling_properties(self.resources, logical, self._referrers(logical))
        return Reading(values[spec.name]) if spec.name in values else absent(entry, spec)

    def _read_container_port(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        raw = walk(
            self._props(logical), str(entry.get("path", "LoadBalancers[0].ContainerPort")), self.resolver
        )
        if raw is MISSING:
            for task in self._related(logical, ("AWS::ECS::TaskDefinition",)):
                raw = walk(
                    self._props(task), "ContainerDefinitions[0].PortMappings[0].ContainerPort", self.resolver
                )
                break
        return interpret(raw, {}, spec) if raw is not MISSING else Reading()

    def _read_ecr_keep_last(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        text = walk(self._props(logical), "LifecyclePolicy.LifecyclePolicyText", self.resolver)
        try:
            policy = json.loads(text) if isinstance(text, str) else text
        except ValueError:
            return Reading(note="its lifecycle policy is not JSON")
        counts = (
            [
                rule.get("selection", {}).get("countNumber")
                for rule in (policy or {}).get("rules", [])
                if isinstance(rule, dict)
                and rule.get("selection", {}).get("countType") == "imageCountMoreThan"
            ]
            if isinstance(policy, dict)
            else []
        )
        return interpret(counts[0], {}, spec) if counts else Reading()

    def _read_event_pattern(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        pattern = walk(self._props(logical), "EventPattern", self.resolver)
        if pattern is MISSING:
            return Reading("")
        return Reading(pattern if isinstance(pattern, str) else json.dumps(pattern, sort_keys=True))

    def _read_firehose_s3(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        props = self._props(logical)
        for destination in ("ExtendedS3DestinationConfiguration", "S3DestinationConfiguration"):
            if destination in props:
                return interpret(walk(props, f"{destination}.{entry['path']}", self.resolver), entry, spec)
        return absent(entry, spec)

    def _read_crawler_database(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        written = self._props(logical).get("DatabaseName")
        database = self._ref_of(written)
        if database is not None and self._type(database) == "AWS::Glue::Database":
            return interpret(walk(self._props(database), "DatabaseInput.Name", self.resolver), {}, spec)
        return interpret(walk(self._props(logical), "DatabaseName", self.resolver), {}, spec)

    def _read_msk_authentication(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """IAM or SCRAM (CloudFormation's `Sasl.Iam.Enabled`, Terraform's `sasl { iam = true }`), else mutual TLS
        (its certificate authorities may be a parameter only the deploy knows), else none."""
        auth = walk(self._props(logical), "ClientAuthentication", self.resolver, resolved=False)
        if not isinstance(auth, dict):
            return Reading("unauthenticated")
        for key, meaning in (("Iam", "iam"), ("Scram", "sasl_scram")):
            if self._enabled(walk(auth, f"Sasl.{key}", self.resolver, resolved=False)):
                return Reading(meaning)
        tls = walk(auth, "Tls", self.resolver, resolved=False)
        if isinstance(tls, dict) and str(walk(tls, "Enabled", self.resolver)).lower() != "false":
            return Reading("tls")  # Terraform's block has no switch: it is on when written
        return Reading("unauthenticated")

    def _enabled(self, setting: Any) -> bool:
        """A switch written as `{Enabled: true}` (CloudFormation) or as a bare `true` (Terraform)."""
        if isinstance(setting, dict):
            setting = walk(setting, "Enabled", self.resolver)
        return str(self.resolver.value(setting)).lower() == "true"

    # ---------------------------------------------------------------- edge and DNS

    def _read_cloudfront_aliases(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        raw = walk(self._props(logical), "DistributionConfig.Aliases", self.resolver)
        return Reading([]) if raw is MISSING else interpret(raw, {}, spec)

    def _read_cloudfront_default_ttl(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        """The default behaviour's legacy TTL, its managed cache policy's, or its own cache policy's. `path` is
        where the behaviour is (Terraform's `default_cache_behavior`)."""
        path = str(entry.get("path", "DistributionConfig.DefaultCacheBehavior"))
        behaviour = walk(self._props(logical), path, self.resolver, resolved=False)
        if not isinstance(behaviour, dict):
            return Reading(86400)
        legacy = walk(behaviour, "DefaultTTL", self.resolver)
        if legacy is not MISSING:
            return interpret(legacy, {}, spec)
        written = walk(behaviour, "CachePolicyId", self.resolver)
        if isinstance(written, str) and written in MANAGED_CACHE_POLICIES:
            return Reading(MANAGED_CACHE_POLICIES[written])
        policy = self._ref_of(walk(behaviour, "CachePolicyId", self.resolver, resolved=False))
        if policy is not None:
            for path in ("CachePolicyConfig.DefaultTTL", "DefaultTTL"):
                found = walk(self._props(policy), path, self.resolver)
                if found is not MISSING:
                    return interpret(found, {}, spec)
        return Reading(86400)  # without a cache policy, CloudFront's legacy default TTL

    def _records(self, logical: str) -> list[dict[str, Any]]:
        return [self._props(r) for r in self._users_of(logical, "AWS::Route53::RecordSet", "HostedZoneId")]

    def _read_routing_policy(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        records = self._records(logical)
        for key, policy in SET_IDENTIFIERS:
            if any(key in record for record in records):
                return Reading(policy)
        return Reading("simple") if records else Reading()

    def _read_evaluate_target_health(
        self, logical: str, entry: dict[str, Any], spec: PropertySpec
    ) -> Reading:
        for record in self._records(logical):
            if isinstance(record.get("AliasTarget"), dict):
                return interpret(
                    walk(record, "AliasTarget.EvaluateTargetHealth", self.resolver), {"absent": False}, spec
                )
        return Reading()

    def _read_zone_vpcs(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        written = [v.get("VPCId") for v in self._props(logical).get("VPCs") or [] if isinstance(v, dict)]
        literal = [v for v in written if isinstance(v, str)]
        return Reading(literal) if literal else Reading()

    def _read_endpoint_service(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        name = walk(self._props(logical), "ServiceName", self.resolver)
        if not isinstance(name, str):
            return Reading(note="its service name is given by an expression")
        prefix = f"com.amazonaws.{self.arch.metadata.default_region}."
        return interpret(name.removeprefix(prefix), {}, spec)

    # ---------------------------------------------------------------- storage, queues, security

    def _read_bucket_public_access(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """Since April 2023 a new bucket blocks public access unless its configuration turns a block off."""
        block = walk(self._props(logical), "PublicAccessBlockConfiguration", self.resolver)
        if block is MISSING:
            return Reading(False)
        if not isinstance(block, dict):
            return Reading(note="its public access block is given by an expression")
        keys = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
        return Reading(not all(str(block.get(k)).lower() == "true" for k in keys))

    def _read_queue_encrypted(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        props = self._props(logical)
        if "KmsMasterKeyId" in props:
            return Reading(True)
        managed = walk(props, "SqsManagedSseEnabled", self.resolver)
        return Reading(True) if managed is MISSING else interpret(managed, {}, spec)

    def _read_waf_default_action(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        action = walk(self._props(logical), "DefaultAction", self.resolver)
        if isinstance(action, list) and len(action) == 1:
            action = action[0]  # Terraform's default_action block
        if isinstance(action, dict):
            for key in ("Allow", "Block"):
                if key in action or key.lower() in action:
                    return Reading(key.lower())
        return Reading()
