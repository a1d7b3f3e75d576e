"""Which service types stand behind a security group of their own, shared by the exporters (which write the groups)
and the validation rules (which judge the traffic those groups let through)."""

from __future__ import annotations

# Types that take no security group at all: gateways, routing, ACLs and volumes.
TAKES_NO_SECURITY_GROUP = frozenset(
    {
        "internet_gateway",
        "nat_gateway",
        "vpc_endpoint_gateway",
        "network_acl",
        "vpn_gateway",
        "ebs_volume",
        "transit_gateway",
        "vpc_peering",
    }
)
# Types whose traffic a rule on their cluster's own group lets in: a CloudHSM cluster makes a group of its own,
# which its clients' rules open; EKS managed nodes take their cluster's group.
OPENED_ON_CLUSTER_GROUP = frozenset({"cloudhsm_cluster", "eks_node_group"})
