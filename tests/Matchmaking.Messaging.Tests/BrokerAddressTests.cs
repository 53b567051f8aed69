using Xunit;

namespace Matchmaking.Messaging.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void An_amqp_uri_yields_host_port_vhost_and_credentials()
    {
        var address = BrokerAddress.Parse("amqp://app:s%40cret@10.1.2.3:5673/green%2Dlink");
        Assert.Equal(new BrokerAddress("10.1.2.3", 5673, "green-link", "app", "s@cret"), address);
    }

    [Fact]
    public void Defaults_are_the_root_vhost_port_5672_and_guest()
    {
        Assert.Equal(new BrokerAddress("localhost", 5672, "/", "guest", "guest"), BrokerAddress.Parse("amqp://localhost"));
    }

    [Theory]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672/")]
    [InlineData("")]
    public void Anything_but_an_amqp_uri_is_refused(string value) =>
        Assert.Throws<FormatException>(() => BrokerAddress.Parse(value));
}
