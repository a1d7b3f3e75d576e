"""What a data connection to a Redshift cluster grants: running SQL on the cluster's database through the Redshift
Data API, signed in as the database user of the caller's role, and following its own statements.

The Data API signs a role in with GetClusterCredentialsWithIAM on the database's ARN, as the user `IAMR:<role
name>`, which Redshift creates on first use; ExecuteStatement and BatchExecuteStatement act on the cluster's ARN;
DescribeStatement, GetStatementResult, CancelStatement and ListStatements name no resource, so the caller is kept to
the statements it ran itself (the owner condition AWS's own Data API policy uses). (Amazon Redshift Management
Guide, "Authorizing access to the Amazon Redshift Data API"; Service Authorization Reference, Amazon Redshift Data
API; checked 2026-12-06.) What that user may read or write is the database's own to grant (GRANT in SQL), which
the design does not say: the step is named in the export's warnings, which the import reads the connection back
from (the grants themselves say how a client reaches the cluster, not what it reads or writes)."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, ref, sub
from archbuilder.exporters.cloudformation.kit import by_hand
from archbuilder.model import ServiceNode

# The database the export creates in every cluster (databases.py writes DBName).
DATABASE = "dev"
RUNNING = ["redshift-data:BatchExecuteStatement", "redshift-data:ExecuteStatement"]
SIGNING_IN = ["redshift:GetClusterCredentialsWithIAM"]
FOLLOWING = [
    "redshift-data:CancelStatement",
    "redshift-data:DescribeStatement",
    "redshift-data:GetStatementResult",
    "redshift-data:ListStatements",
]
REDSHIFT_ARN = "arn:${{AWS::Partition}}:redshift:${{AWS::Region}}:${{AWS::AccountId}}:{}"
# Writers that load a cluster by COPY as a database user with a password, not through the Data API.
LOADED_BY_COPY = {
    "firehose_stream": "a stream loads a cluster by COPY as a database user with a password, and the export writes "
    "no Redshift destination"
}
OWN_STATEMENTS = {"StringEquals": {"redshift-data:statement-owner-iam-userid": "${aws:userid}"}}


def grant_warehouse(
    ctx: CfnContext, principal: ServiceNode, cluster: ServiceNode, kind: ConnectionKind
) -> None:
    """Lets the principal's role query the cluster through the Data API, tells the principal the cluster and the
    database, and names the SQL grants left to give in the warnings."""
    role = ctx.roles.get(principal.id)
    if role is None:
        return
    if principal.type in LOADED_BY_COPY:
        step = (
            f"grant it write access to {cluster.label} (Redshift) yourself: {LOADED_BY_COPY[principal.type]}"
        )
        by_hand(ctx, principal, step)
        return
    logical = ctx.lid(cluster)
    ctx.grant(role, RUNNING, sub(REDSHIFT_ARN.format(f"cluster:${{{logical}}}")))
    ctx.grant(role, SIGNING_IN, sub(REDSHIFT_ARN.format(f"dbname:${{{logical}}}/{DATABASE}")))
    ctx.role_statements[role].append(
        {"Effect": "Allow", "Action": FOLLOWING, "Resource": ["*"], "Condition": OWN_STATEMENTS}
    )
    variables = ctx.environment.get(principal.id)
    if variables is not None:
        variables[f"{logical.upper()}_CLUSTER"] = ref(logical)
        variables[f"{logical.upper()}_DATABASE"] = DATABASE
    access = kind.value.replace("_", "-")
    by_hand(
        ctx,
        principal,
        f"grant it {access} access to {cluster.label} (Redshift) yourself: it may run SQL on the {DATABASE} "
        "database through the Data API, signed in as its role's database user (IAMR: and the role's name); what "
        "that user may read or write is granted in SQL",
    )
