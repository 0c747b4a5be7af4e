using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Tests.Services;

public class ServiceAllocationTests
{
    [Fact]
    public void Highest_priority_is_served_first()
    {
        var granted = ServiceAllocation.Allocate([1, 2, 3, 4], [10, 40000, 20000, 30], 2, 1, 2, 0, ServiceKind.Advice);
        Assert.Equal([2, 3], granted);
    }

    [Fact]
    public void The_decision_does_not_depend_on_the_order_requests_arrive_in()
    {
        var ids = Enumerable.Range(0, 500).ToArray();
        var pr = ids.Select(i => (i * 7919) % 5 * 1000).ToArray();
        var first = ServiceAllocation.Allocate(ids, pr, 123, 99, 7, 3, ServiceKind.Housing);
        var rng = new Random(1);
        for (var trial = 0; trial < 5; trial++)
        {
            var order = ids.OrderBy(_ => rng.Next()).ToArray();
            var shuffled = ServiceAllocation.Allocate(order, order.Select(i => pr[i]).ToArray(), 123, 99, 7, 3, ServiceKind.Housing);
            Assert.Equal(first, shuffled);
        }
        Assert.Equal(123, first.Length);
        Assert.True(first.SequenceEqual(first.Order()), "granted ids ascend");
    }

    [Fact]
    public void Ties_are_broken_by_a_hash_not_by_id_so_low_ids_are_not_favoured()
    {
        var ids = Enumerable.Range(0, 1000).ToArray();
        var granted = ServiceAllocation.Allocate(ids, new int[1000], 500, 5, 5, 5, ServiceKind.Vcse);
        Assert.InRange(granted.Count(i => i < 500), 200, 300);
    }

    [Fact]
    public void Capacity_carries_its_fraction_to_the_next_month()
    {
        var desk = new ServiceDesk(ServiceKind.Advice);
        var ids = Enumerable.Range(0, 10).ToArray();
        var served = 0;
        for (var m = 0; m < 4; m++) served += desk.Decide(0.5, ids, new int[10], 1, 1, m).Granted.Length;
        Assert.Equal(2, served);
    }
}
