using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Cognito user pools through the real mapping table: the administrative (IAM-authorized) operations are
/// granted on the user pool the request's UserPoolId names; the public and access-token-authorized operations need no
/// IAM permission (Cognito does not evaluate IAM policies for them), so they grant nothing and are not RG1001.
/// </summary>
public class CognitoTests
{
    private const string Pool = "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/";

    private static FunctionReport Run(string call, string resources = "", string environment = "", string parameters = "") =>
        OneFunction.Run(resources, $$"""
            using Amazon.CognitoIdentityProvider;
            using Amazon.CognitoIdentityProvider.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonCognitoIdentityProvider _idp = new AmazonCognitoIdentityProviderClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run()
                {
                    {{call}};
                }
            }
            """, environment, parameters: parameters);

    [Theory]
    [InlineData("await _idp.AdminCreateUserAsync(new AdminCreateUserRequest { UserPoolId = \"eu-west-1_Abc123\", Username = \"ana\" })", "AdminCreateUser")]
    [InlineData("await _idp.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = \"eu-west-1_Abc123\", Username = \"ana\" })", "AdminGetUser")]
    [InlineData("await _idp.AdminUpdateUserAttributesAsync(new AdminUpdateUserAttributesRequest { UserPoolId = \"eu-west-1_Abc123\", Username = \"ana\" })", "AdminUpdateUserAttributes")]
    [InlineData("await _idp.AdminDeleteUserAttributesAsync(new AdminDeleteUserAttributesRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminDeleteUserAttributes")]
    [InlineData("await _idp.AdminDeleteUserAsync(new AdminDeleteUserRequest { UserPoolId = \"eu-west-1_Abc123\", Username = \"ana\" })", "AdminDeleteUser")]
    [InlineData("await _idp.AdminDisableUserAsync(new AdminDisableUserRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminDisableUser")]
    [InlineData("await _idp.AdminEnableUserAsync(new AdminEnableUserRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminEnableUser")]
    [InlineData("await _idp.AdminConfirmSignUpAsync(new AdminConfirmSignUpRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminConfirmSignUp")]
    [InlineData("await _idp.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { UserPoolId = \"eu-west-1_Abc123\", Permanent = true })", "AdminSetUserPassword")]
    [InlineData("await _idp.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminResetUserPassword")]
    [InlineData("await _idp.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminUserGlobalSignOut")]
    [InlineData("await _idp.AdminInitiateAuthAsync(new AdminInitiateAuthRequest { UserPoolId = \"eu-west-1_Abc123\", ClientId = \"client\", AuthFlow = AuthFlowType.ADMIN_USER_PASSWORD_AUTH })", "AdminInitiateAuth")]
    [InlineData("await _idp.AdminRespondToAuthChallengeAsync(new AdminRespondToAuthChallengeRequest { UserPoolId = \"eu-west-1_Abc123\", ClientId = \"client\" })", "AdminRespondToAuthChallenge")]
    [InlineData("await _idp.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = \"eu-west-1_Abc123\", GroupName = \"admins\", Username = \"ana\" })", "AdminAddUserToGroup")]
    [InlineData("await _idp.AdminRemoveUserFromGroupAsync(new AdminRemoveUserFromGroupRequest { UserPoolId = \"eu-west-1_Abc123\", GroupName = \"admins\" })", "AdminRemoveUserFromGroup")]
    [InlineData("await _idp.AdminListGroupsForUserAsync(new AdminListGroupsForUserRequest { UserPoolId = \"eu-west-1_Abc123\" })", "AdminListGroupsForUser")]
    [InlineData("await _idp.ListUsersAsync(new ListUsersRequest { UserPoolId = \"eu-west-1_Abc123\", Filter = \"email = \\\"a@b.c\\\"\" })", "ListUsers")]
    [InlineData("await _idp.ListUsersInGroupAsync(new ListUsersInGroupRequest { UserPoolId = \"eu-west-1_Abc123\", GroupName = \"admins\" })", "ListUsersInGroup")]
    [InlineData("await _idp.ListGroupsAsync(new ListGroupsRequest { UserPoolId = \"eu-west-1_Abc123\" })", "ListGroups")]
    [InlineData("await _idp.CreateGroupAsync(new CreateGroupRequest { UserPoolId = \"eu-west-1_Abc123\", GroupName = \"admins\" })", "CreateGroup")]
    [InlineData("await _idp.GetGroupAsync(new GetGroupRequest { UserPoolId = \"eu-west-1_Abc123\", GroupName = \"admins\" })", "GetGroup")]
    [InlineData("await _idp.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = \"eu-west-1_Abc123\" })", "DescribeUserPool")]
    [InlineData("await _idp.DescribeUserPoolClientAsync(new DescribeUserPoolClientRequest { UserPoolId = \"eu-west-1_Abc123\", ClientId = \"client\" })", "DescribeUserPoolClient")]
    [InlineData("var users = _idp.Paginators.ListUsers(new ListUsersRequest { UserPoolId = \"eu-west-1_Abc123\" })", "ListUsers")]
    [InlineData("var groups = _idp.Paginators.AdminListGroupsForUser(new AdminListGroupsForUserRequest { UserPoolId = \"eu-west-1_Abc123\", Username = \"ana\" })", "AdminListGroupsForUser")]
    public void An_admin_call_is_granted_on_the_user_pool_it_names(string call, string action)
    {
        var report = Run(call);

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal($"cognito-idp:{action} {Pool}eu-west-1_Abc123");
    }

    [Fact]
    public void A_user_pool_id_from_a_template_parameter_names_that_pool()
    {
        var report = Run(
            "var id = Env(\"USER_POOL_ID\"); await _idp.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = id, Username = \"ana\" }); " +
            "await _idp.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = id, GroupName = \"admins\", Username = \"ana\" })",
            environment: "USER_POOL_ID: !Ref UserPoolId", parameters: "UserPoolId:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(
            $"cognito-idp:AdminAddUserToGroup {Pool}${{UserPoolId}}",
            $"cognito-idp:AdminGetUser {Pool}${{UserPoolId}}");
    }

    [Theory]
    [InlineData("USER_POOL_ID: !Ref UserPool", "${UserPool}")]                       // Ref of a user pool is its id
    [InlineData("USER_POOL_ID: !GetAtt UserPool.UserPoolId", "${UserPool.UserPoolId}")]
    public void A_user_pool_id_from_the_template_user_pool_names_that_pool(string environment, string id)
    {
        var report = Run(
            "await _idp.AdminCreateUserAsync(new AdminCreateUserRequest { UserPoolId = Env(\"USER_POOL_ID\"), Username = \"ana\" })",
            resources: "UserPool:\n  Type: AWS::Cognito::UserPool\n  Properties:\n    UserPoolName: users", environment: environment);

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal($"cognito-idp:AdminCreateUser {Pool}{id}");
    }

    [Fact]
    public void A_user_pool_id_known_only_at_run_time_is_any_pool_with_a_finding()
    {
        var report = OneFunction.Run("", """
            using Amazon.CognitoIdentityProvider;
            using Amazon.CognitoIdentityProvider.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string pool) => new AmazonCognitoIdentityProviderClient().AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool });
            }
            """);

        report.Grants().Should().Equal($"cognito-idp:AdminGetUser {Pool}*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Theory]
    [InlineData("await _idp.SignUpAsync(new SignUpRequest { ClientId = Env(\"CLIENT_ID\"), Username = \"ana\", Password = \"p\" })")]
    [InlineData("await _idp.ConfirmSignUpAsync(new ConfirmSignUpRequest { ClientId = \"client\", Username = \"ana\", ConfirmationCode = \"123\" })")]
    [InlineData("await _idp.ResendConfirmationCodeAsync(new ResendConfirmationCodeRequest { ClientId = \"client\", Username = \"ana\" })")]
    [InlineData("await _idp.ForgotPasswordAsync(new ForgotPasswordRequest { ClientId = \"client\", Username = \"ana\" })")]
    [InlineData("await _idp.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { ClientId = \"client\", Username = \"ana\" })")]
    [InlineData("await _idp.InitiateAuthAsync(new InitiateAuthRequest { ClientId = \"client\", AuthFlow = AuthFlowType.USER_PASSWORD_AUTH })")]
    [InlineData("await _idp.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest { ClientId = \"client\" })")]
    [InlineData("await _idp.GetUserAsync(new GetUserRequest { AccessToken = \"token\" })")]
    [InlineData("await _idp.UpdateUserAttributesAsync(new UpdateUserAttributesRequest { AccessToken = \"token\" })")]
    [InlineData("await _idp.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = \"token\" })")]
    [InlineData("await _idp.GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = \"token\" })")]
    [InlineData("await _idp.DeleteUserAsync(new DeleteUserRequest { AccessToken = \"token\" })")]
    public void A_public_or_access_token_call_needs_no_IAM_permission(string call)
    {
        var report = Run(call, environment: "CLIENT_ID: client");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().BeEmpty();
    }

    [Fact]
    public void A_login_function_is_granted_only_its_admin_calls()
    {
        var report = Run(
            "var auth = await _idp.InitiateAuthAsync(new InitiateAuthRequest { ClientId = \"client\" }); " +
            "var me = await _idp.GetUserAsync(new GetUserRequest { AccessToken = auth.AuthenticationResult.AccessToken }); " +
            "await _idp.AdminListGroupsForUserAsync(new AdminListGroupsForUserRequest { UserPoolId = \"eu-west-1_Abc123\", Username = me.Username })");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal($"cognito-idp:AdminListGroupsForUser {Pool}eu-west-1_Abc123");
    }

    [Theory]
    [InlineData("await _idp.ListUserPoolsAsync(new ListUserPoolsRequest { MaxResults = 10 })", "ListUserPoolsAsync")]
    [InlineData("await _idp.RevokeTokenAsync(new RevokeTokenRequest { ClientId = \"client\" })", "RevokeTokenAsync")]
    public void An_operation_the_table_does_not_map_is_still_an_error(string call, string method)
    {
        var report = Run(call);

        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnknownSdkCall)
            .Which.Message.Should().Contain(method);
    }
}
