namespace Ava.Domain.Common;

/// <summary>An entity with a store-generated numeric id, so that generic code finds it by id without naming its key.</summary>
public interface IEntity
{
    long Id { get; }
}
